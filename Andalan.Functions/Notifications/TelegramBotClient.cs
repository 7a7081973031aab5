using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Andalan.Functions.Notifications;

/// <summary>
/// The few Bot API calls the app makes. The token is part of every URL, so nothing that leaves this class
/// (a description, an exception text) may carry it: every text from HttpClient is scrubbed first.
/// </summary>
internal sealed class TelegramBotClient(IHttpClientFactory httpClients, IOptions<TelegramOptions> options)
{
    public const string HttpClientName = "Telegram";

    private const string TokenPlaceholder = "<bot-token>";

    public Task<BotApiResponse> GetMeAsync(CancellationToken cancellationToken) =>
        CallAsync("getMe", null, cancellationToken);

    public Task<BotApiResponse> SendMessageAsync(string text, string? parseMode, CancellationToken cancellationToken)
    {
        var body = new Dictionary<string, object>
        {
            ["chat_id"] = options.Value.ChatId ?? string.Empty,
            ["text"] = text,
            ["link_preview_options"] = new Dictionary<string, bool> { ["is_disabled"] = true },
        };
        if (parseMode is not null)
        {
            body["parse_mode"] = parseMode;
        }

        return CallAsync("sendMessage", JsonContent.Create(body), cancellationToken);
    }

    /// <summary>Replaces the bot token, plain or URL-encoded, in a text that is about to be logged or shown.</summary>
    public string Scrub(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var token = options.Value.BotToken;
        if (string.IsNullOrEmpty(token))
        {
            return text;
        }

        return text
            .Replace(token, TokenPlaceholder, StringComparison.Ordinal)
            .Replace(Uri.EscapeDataString(token), TokenPlaceholder, StringComparison.OrdinalIgnoreCase);
    }

    private async Task<BotApiResponse> CallAsync(string method, HttpContent? content, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        // "./" keeps the token's colon from reading as a URI scheme.
        var uri = new Uri(settings.BaseUrl, $"./bot{settings.BotToken}/{method}");
        using var http = httpClients.CreateClient(HttpClientName);
        http.Timeout = settings.RequestTimeout;
        try
        {
            using var response = content is null
                ? await http.GetAsync(uri, cancellationToken)
                : await http.PostAsync(uri, content, cancellationToken);
            var status = (int)response.StatusCode;
            try
            {
                using var document = await JsonDocument.ParseAsync(
                    await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);

                return Parse(status, document.RootElement);
            }
            catch (JsonException)
            {
                var description = $"HTTP {status} {response.ReasonPhrase} (not a Bot API answer)";

                return new BotApiResponse(false, status, description, null, null);
            }
        }
        catch (HttpRequestException e)
        {
            return new BotApiResponse(false, 0, Scrub($"no answer: {Innermost(e)}"), null, null);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new BotApiResponse(false, 0, $"no answer within {settings.RequestTimeout.TotalSeconds:0} s", null, null);
        }
        finally
        {
            content?.Dispose();
        }
    }

    private BotApiResponse Parse(int status, JsonElement root)
    {
        var ok = root.TryGetProperty("ok", out var okValue) && okValue.ValueKind == JsonValueKind.True;
        var description = root.TryGetProperty("description", out var d) && d.ValueKind == JsonValueKind.String
            ? Scrub(d.GetString()!)
            : $"HTTP {status}";
        TimeSpan? retryAfter = root.TryGetProperty("parameters", out var parameters)
            && parameters.ValueKind == JsonValueKind.Object
            && parameters.TryGetProperty("retry_after", out var seconds) && seconds.TryGetInt32(out var s)
                ? TimeSpan.FromSeconds(s)
                : null;
        JsonElement? result = ok && root.TryGetProperty("result", out var r) ? r.Clone() : null;

        return new BotApiResponse(ok, status, ok ? "OK" : description, retryAfter, result);
    }

    private static string Innermost(Exception exception)
    {
        while (exception.InnerException is not null)
        {
            exception = exception.InnerException;
        }

        return exception.Message;
    }
}

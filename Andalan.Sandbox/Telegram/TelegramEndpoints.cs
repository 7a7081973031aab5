using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Andalan.Sandbox.Faults;
using Andalan.Sandbox.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace Andalan.Sandbox.Telegram;

/// <summary>
/// The Telegram Bot API at <c>/bot{token}/{method}</c> (getMe, sendMessage, sendDocument) and the chat views
/// under <c>/_sandbox/chat</c>.
/// </summary>
public static class TelegramEndpoints
{
    /// <summary>The longest message text Telegram accepts, after entity parsing.</summary>
    public const int MessageLimit = 4096;

    /// <summary>The longest document caption Telegram accepts, after entity parsing.</summary>
    public const int CaptionLimit = 1024;

    private const long DocumentLimitBytes = 50L * 1024 * 1024;

    private static readonly JsonSerializerOptions BotApiJson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    private static readonly JsonSerializerOptions ViewJson = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static IServiceCollection AddTelegram(this IServiceCollection services)
    {
        services.AddSingleton<TelegramLimits>();
        services.AddSingleton<TelegramFloodControl>();
        services.AddSingleton<TelegramChat>();

        return services;
    }

    public static IEndpointRouteBuilder MapTelegram(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapMethods("/bot{token}/{method}", ["GET", "POST"], HandleAsync).DisableAntiforgery();

        var control = app.MapGroup(FaultMiddleware.ControlPrefix);
        control.MapGet("/chat", (TelegramChat chat) =>
            Results.Content(TelegramChatView.Render(chat.Messages), "text/html; charset=utf-8"));
        control.MapGet("/chat.json", (TelegramChat chat) => Results.Json(
            chat.Messages.Select(m => new
            {
                m.MessageId,
                m.ChatId,
                m.Date,
                m.ParseMode,
                m.Text,
                m.Html,
                m.Content.Entities,
                Document = m.Document is { } d ? new { d.FileId, d.FileName, d.MimeType, Size = d.Content.Length } : null,
            }),
            ViewJson));
        control.MapGet("/chat/files/{fileId}", (string fileId, TelegramChat chat) =>
            chat.FindDocument(fileId) is { } document
                ? Results.File(document.Content, document.MimeType, document.FileName)
                : Results.NotFound());
        control.MapDelete("/chat", (TelegramChat chat, TelegramFloodControl flood) =>
        {
            chat.Clear();
            flood.Reset();

            return Results.NoContent();
        });
        control.MapGet("/telegram/limits", (TelegramLimits limits) => Results.Json(limits, ViewJson));
        control.MapPost("/telegram/limits", ([FromBody] TelegramLimits request, TelegramLimits limits) =>
        {
            limits.MessagesPerSecond = request.MessagesPerSecond;
            limits.GroupMessagesPerMinute = request.GroupMessagesPerMinute;

            return Results.Json(limits, ViewJson);
        });

        return app;
    }

    private static async Task<IResult> HandleAsync(
        string token, string method, HttpContext context, SandboxCredentials credentials, TelegramChat chat,
        TelegramFloodControl flood, TimeProvider time)
    {
        if (!CryptographicOperations.FixedTimeEquals(
                Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(credentials.BotToken)))
        {
            return Error(401, "Unauthorized");
        }

        var parameters = await TelegramParameters.ReadAsync(context.Request, context.RequestAborted);
        var call = new Call(parameters, credentials, chat, flood, time);

        return method.ToUpperInvariant() switch
        {
            "GETME" => Ok(Bot(credentials)),
            "SENDMESSAGE" => SendMessage(call),
            "SENDDOCUMENT" => await SendDocumentAsync(call, context.RequestAborted),
            _ => Error(404, "Not Found"),
        };
    }

    private static IResult SendMessage(Call call)
    {
        if (ResolveChat(call) is { } chatError)
        {
            return chatError;
        }

        if (string.IsNullOrEmpty(call.Parameters["text"]))
        {
            return Error(400, "Bad Request: message text is empty");
        }

        var (content, parseError) = Parse(call.Parameters["text"]!, call.Parameters["parse_mode"]);
        if (parseError is not null)
        {
            return parseError;
        }

        if (content!.PlainText.Trim().Length == 0)
        {
            return Error(400, "Bad Request: message text is empty");
        }

        if (content.PlainText.Length > MessageLimit)
        {
            return Error(400, "Bad Request: message is too long");
        }

        if (call.Flood.TryAcquire(call.Credentials.ChatId) is { } retryAfter)
        {
            return TooManyRequests(retryAfter);
        }

        var message = call.Chat.Add(
            call.Credentials.ChatId, call.Time.GetUtcNow(), call.Parameters["parse_mode"], content, null,
            LinkPreviewDisabled(call.Parameters));

        return Ok(MessageJson(message, call.Credentials));
    }

    private static async Task<IResult> SendDocumentAsync(Call call, CancellationToken cancellationToken)
    {
        if (ResolveChat(call) is { } chatError)
        {
            return chatError;
        }

        var file = call.Parameters.Files?.GetFile("document");
        if (file is null)
        {
            return call.Parameters["document"] is { Length: > 0 }
                ? Error(400, "Bad Request: wrong file identifier/HTTP URL specified")
                : Error(400, "Bad Request: there is no document in the request");
        }

        if (file.Length > DocumentLimitBytes)
        {
            return Error(413, "Request Entity Too Large");
        }

        var caption = FormattedText.Unformatted(string.Empty);
        if (call.Parameters["caption"] is { Length: > 0 } captionText)
        {
            var (parsed, parseError) = Parse(captionText, call.Parameters["parse_mode"]);
            if (parseError is not null)
            {
                return parseError;
            }

            caption = parsed!;
            if (caption.PlainText.Length > CaptionLimit)
            {
                return Error(400, "Bad Request: message caption is too long");
            }
        }

        if (call.Flood.TryAcquire(call.Credentials.ChatId) is { } retryAfter)
        {
            return TooManyRequests(retryAfter);
        }

        using var stream = new MemoryStream();
        await file.CopyToAsync(stream, cancellationToken);
        var document = new ChatDocument(
            Convert.ToHexString(RandomNumberGenerator.GetBytes(12)), Path.GetFileName(file.FileName),
            file.ContentType is { Length: > 0 } type ? type : "application/octet-stream", stream.ToArray());
        var message = call.Chat.Add(
            call.Credentials.ChatId, call.Time.GetUtcNow(), call.Parameters["parse_mode"], caption, document, false);

        return Ok(MessageJson(message, call.Credentials));
    }

    private static IResult? ResolveChat(Call call)
    {
        var chatId = call.Parameters["chat_id"];
        if (string.IsNullOrEmpty(chatId))
        {
            return Error(400, "Bad Request: chat_id is empty");
        }

        var known = long.TryParse(chatId, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id)
            && id == call.Credentials.ChatId;

        return known ? null : Error(400, "Bad Request: chat not found");
    }

    private static (FormattedText? Content, IResult? Error) Parse(string text, string? parseMode)
    {
        try
        {
            return parseMode switch
            {
                null or "" => (FormattedText.Unformatted(text), null),
                _ when parseMode.Equals("HTML", StringComparison.OrdinalIgnoreCase) =>
                    (TelegramHtmlParser.Parse(text), null),
                _ when parseMode.Equals("MarkdownV2", StringComparison.OrdinalIgnoreCase) =>
                    (TelegramMarkdownParser.Parse(text), null),
                _ => (null, Error(400, $"Bad Request: unsupported parse_mode \"{parseMode}\" in the sandbox")),
            };
        }
        catch (EntityParseException e)
        {
            return (null, Error(400, "Bad Request: can't parse entities: " + e.Message));
        }
    }

    private static bool LinkPreviewDisabled(TelegramParameters parameters)
    {
        if (parameters.Flag("disable_web_page_preview"))
        {
            return true;
        }

        if (parameters["link_preview_options"] is not { Length: > 0 } options)
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(options);

            return document.RootElement.TryGetProperty("is_disabled", out var disabled)
                && disabled.ValueKind == JsonValueKind.True;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static Dictionary<string, object?> Bot(SandboxCredentials credentials) => new()
    {
        ["id"] = BotId(credentials),
        ["is_bot"] = true,
        ["first_name"] = "Andalan Export Bot",
        ["username"] = "andalan_export_sandbox_bot",
        ["can_join_groups"] = true,
        ["can_read_all_group_messages"] = false,
        ["supports_inline_queries"] = false,
    };

    private static long BotId(SandboxCredentials credentials) =>
        long.Parse(credentials.BotToken.AsSpan(0, credentials.BotToken.IndexOf(':', StringComparison.Ordinal)),
            CultureInfo.InvariantCulture);

    private static Dictionary<string, object?> MessageJson(ChatMessage message, SandboxCredentials credentials)
    {
        var json = new Dictionary<string, object?>
        {
            ["message_id"] = message.MessageId,
            ["from"] = Bot(credentials),
            ["chat"] = new Dictionary<string, object>
            {
                ["id"] = message.ChatId,
                ["title"] = "Andalan Ops (sandbox)",
                ["type"] = "supergroup",
            },
            ["date"] = message.Date.ToUnixTimeSeconds(),
        };
        var entities = message.Content.Entities.Select(e => JsonSerializer.SerializeToElement(e, BotApiJson)).ToList();
        if (message.Document is { } document)
        {
            json["document"] = new Dictionary<string, object>
            {
                ["file_id"] = document.FileId,
                ["file_unique_id"] = document.FileId[..8],
                ["file_name"] = document.FileName,
                ["mime_type"] = document.MimeType,
                ["file_size"] = document.Content.Length,
            };
            if (message.Text.Length > 0)
            {
                json["caption"] = message.Text;
                json["caption_entities"] = entities;
            }
        }
        else
        {
            json["text"] = message.Text;
            if (entities.Count > 0)
            {
                json["entities"] = entities;
            }

            if (message.LinkPreviewDisabled)
            {
                json["link_preview_options"] = new Dictionary<string, bool> { ["is_disabled"] = true };
            }
        }

        return json;
    }

    private static IResult Ok(object result) =>
        Results.Json(new Dictionary<string, object> { ["ok"] = true, ["result"] = result }, BotApiJson);

    private static IResult Error(int code, string description) => Results.Json(
        new Dictionary<string, object> { ["ok"] = false, ["error_code"] = code, ["description"] = description },
        BotApiJson, statusCode: code);

    private static IResult TooManyRequests(int retryAfter) => Results.Json(
        new Dictionary<string, object>
        {
            ["ok"] = false,
            ["error_code"] = 429,
            ["description"] = $"Too Many Requests: retry after {retryAfter}",
            ["parameters"] = new Dictionary<string, int> { ["retry_after"] = retryAfter },
        },
        BotApiJson, statusCode: 429);

    private sealed record Call(
        TelegramParameters Parameters, SandboxCredentials Credentials, TelegramChat Chat,
        TelegramFloodControl Flood, TimeProvider Time);
}

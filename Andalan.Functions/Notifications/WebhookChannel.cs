using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Andalan.Functions.Notifications;

/// <summary>
/// Posts each report as JSON to a webhook (the app's own shape or Slack's). Keeps at least
/// <see cref="WebhookOptions.MinInterval"/> between posts, waits out a 429's Retry-After and retries a timeout
/// or a 5xx within <see cref="WebhookOptions.RetryBudget"/>; anything else is "not delivered", never an
/// exception. The URL is a secret: no log line, problem text or exception text carries it.
/// </summary>
internal sealed class WebhookChannel(
    IHttpClientFactory httpClients, IOptions<WebhookOptions> options, TimeProvider time, ILogger<WebhookChannel> logger)
    : INotificationChannel, IDisposable
{
    public const string HttpClientName = "Webhook";

    private const string UrlPlaceholder = "<webhook-url>";
    private const int MaxTransientAttempts = 3;
    private const int ProblemBodyLimit = 200;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private long? _lastPost;

    public string Name => "webhook";

    public bool Enabled => options.Value.Enabled;

    public void Dispose() => _gate.Dispose();

    public Task<ChannelDelivery> ReportRunStartedAsync(RunStartedNotice notice, CancellationToken cancellationToken)
    {
        var settings = options.Value;

        return PostAsync(WebhookPayload.RunStarted(notice, settings.Format, settings.MaxTextLength), cancellationToken);
    }

    public Task<ChannelDelivery> ReportExportAsync(string runId, ExportReport report, CancellationToken cancellationToken)
    {
        var settings = options.Value;

        return PostAsync(WebhookPayload.Export(runId, report, settings.Format, settings.MaxTextLength), cancellationToken);
    }

    public Task<ChannelDelivery> ReportRunSummaryAsync(RunSummaryReport summary, CancellationToken cancellationToken)
    {
        var settings = options.Value;

        return PostAsync(WebhookPayload.RunSummary(summary, settings.Format, settings.MaxTextLength), cancellationToken);
    }

    /// <summary>Posts a JSON body; the result says whether the webhook took it.</summary>
    public async Task<ChannelDelivery> PostAsync(string json, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(json);
        var settings = options.Value;
        if (!settings.Enabled || settings.Url is null)
        {
            logger.WebhookDisabled();

            return new ChannelDelivery(Name, false, "the webhook is disabled (Andalan:Webhook:Enabled=false)");
        }

        var started = time.GetTimestamp();
        var transientFailures = 0;
        while (true)
        {
            var (status, retryAfter, problem) = await PostOnceAsync(settings, json, cancellationToken);
            if (problem is null)
            {
                logger.WebhookDelivered(status);

                return new ChannelDelivery(Name, true);
            }

            TimeSpan wait;
            if (status == 429)
            {
                wait = retryAfter ?? TimeSpan.FromSeconds(1);
            }
            else if (status is 0 or 408 or >= 500 && ++transientFailures < MaxTransientAttempts)
            {
                wait = TimeSpan.FromSeconds(transientFailures);
            }
            else
            {
                return NotDelivered(problem);
            }

            if (time.GetElapsedTime(started) + wait > settings.RetryBudget)
            {
                return NotDelivered($"{problem}; waiting {wait.TotalSeconds:0} s more would pass the " +
                    $"{settings.RetryBudget.TotalSeconds:0} s retry budget");
            }

            if (status == 429)
            {
                logger.WebhookRateLimited(wait.TotalSeconds);
            }
            else
            {
                logger.WebhookTransientFailure(problem, wait.TotalSeconds);
            }

            await Task.Delay(wait, time, cancellationToken);
        }
    }

    /// <summary>One POST, paced; the problem is null when the answer was 2xx.</summary>
    private async Task<(int Status, TimeSpan? RetryAfter, string? Problem)> PostOnceAsync(
        WebhookOptions settings, string json, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_lastPost is { } last && time.GetElapsedTime(last) is var since && since < settings.MinInterval)
            {
                await Task.Delay(settings.MinInterval - since, time, cancellationToken);
            }

            using var http = httpClients.CreateClient(HttpClientName);
            http.Timeout = settings.RequestTimeout;
            using var content = new StringContent(json, Encoding.UTF8, "application/json");
            try
            {
                using var response = await http.PostAsync(settings.Url, content, cancellationToken);
                var status = (int)response.StatusCode;
                if (response.IsSuccessStatusCode)
                {
                    return (status, null, null);
                }

                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                var shown = string.Join(' ', body.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
                shown = shown.Length > ProblemBodyLimit ? shown[..ProblemBodyLimit] + "…" : shown;

                return (status, RetryAfter(response.Headers.RetryAfter),
                    Scrub($"HTTP {status} {response.ReasonPhrase}{(shown.Length > 0 ? ": " + shown : string.Empty)}"));
            }
            catch (HttpRequestException e)
            {
                return (0, null, Scrub($"no answer from the webhook: {Innermost(e)}"));
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return (0, null, $"no answer from the webhook within {settings.RequestTimeout.TotalSeconds:0} s");
            }
            finally
            {
                _lastPost = time.GetTimestamp();
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private ChannelDelivery NotDelivered(string problem)
    {
        logger.WebhookNotDelivered(problem);

        return new ChannelDelivery(Name, false, problem);
    }

    private TimeSpan? RetryAfter(RetryConditionHeaderValue? header) => header switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - time.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };

    /// <summary>Removes the webhook's URL, its path and its query from a text about to be logged or returned.</summary>
    private string Scrub(string text)
    {
        if (options.Value.Url is not { IsAbsoluteUri: true } url)
        {
            return text;
        }

        foreach (var secret in new[] { url.OriginalString, url.AbsoluteUri, url.PathAndQuery, url.AbsolutePath }
                     .Where(s => s.Length > 1).OrderByDescending(s => s.Length))
        {
            text = text.Replace(secret, UrlPlaceholder, StringComparison.OrdinalIgnoreCase);
        }

        return text;
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

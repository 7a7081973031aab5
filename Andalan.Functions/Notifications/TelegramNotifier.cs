using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Andalan.Functions.Notifications;

/// <summary>
/// Tells the operators' Telegram group how a run goes. Messages are HTML, split under Telegram's limit; a 429
/// is waited out and a transient failure retried within <see cref="TelegramOptions.RetryBudget"/>. Nothing
/// here throws for a Telegram problem: the result says whether the message was delivered. Only the caller's
/// own cancellation ends a call with <see cref="OperationCanceledException"/>.
/// </summary>
internal sealed class TelegramNotifier(
    TelegramBotClient client, IOptions<TelegramOptions> options, TimeProvider time, ILogger<TelegramNotifier> logger)
{
    private const string HtmlParseMode = "HTML";
    private const int MaxTransientAttempts = 3;

    public Task<TelegramDelivery> ReportRunStartedAsync(RunStartedNotice notice, CancellationToken cancellationToken) =>
        SendAsync(TelegramMessages.RunStarted(notice), cancellationToken);

    public Task<TelegramDelivery> ReportExportAsync(ExportReport report, CancellationToken cancellationToken) =>
        SendAsync(TelegramMessages.ExportResult(report), cancellationToken);

    public Task<TelegramDelivery> ReportRunSummaryAsync(RunSummaryReport summary, CancellationToken cancellationToken) =>
        SendAsync(TelegramMessages.RunSummary(summary), cancellationToken);

    /// <summary>Sends an HTML message (escape outside text with <see cref="TelegramHtml.Escape"/>).</summary>
    public async Task<TelegramDelivery> SendAsync(string html, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(html);
        if (!options.Value.Enabled)
        {
            logger.Disabled();

            return TelegramDelivery.Disabled;
        }

        var parts = TelegramMessageSplitter.Split(html);
        var started = time.GetTimestamp();
        for (var i = 0; i < parts.Count; i++)
        {
            if (await SendPartAsync(parts[i], started, cancellationToken) is { } problem)
            {
                logger.NotDelivered(i, parts.Count, problem);

                return new TelegramDelivery(false, i, parts.Count, problem);
            }
        }

        logger.Delivered(parts.Count);

        return new TelegramDelivery(true, parts.Count, parts.Count, null);
    }

    /// <summary>Sends one part; null when Telegram accepted it, else why not.</summary>
    private async Task<string?> SendPartAsync(string html, long started, CancellationToken cancellationToken)
    {
        var text = html;
        string? parseMode = HtmlParseMode;
        var transientFailures = 0;
        while (true)
        {
            var response = await client.SendMessageAsync(text, parseMode, cancellationToken);
            if (response.Ok)
            {
                return null;
            }

            if (response.IsEntityError && parseMode is not null)
            {
                // A formatting mistake must not cost the operators the report: the words still go out.
                logger.SentAsPlainText(response.Description);
                text = TelegramHtml.ToPlainText(html);
                parseMode = null;
                continue;
            }

            TimeSpan wait;
            if (response.Status == 429)
            {
                wait = response.RetryAfter ?? TimeSpan.FromSeconds(1);
            }
            else if (response.IsTransient && ++transientFailures < MaxTransientAttempts)
            {
                wait = TimeSpan.FromSeconds(transientFailures);
            }
            else
            {
                return response.Description;
            }

            var budget = options.Value.RetryBudget;
            if (time.GetElapsedTime(started) + wait > budget)
            {
                return $"{response.Description}; waiting {wait.TotalSeconds:0} s more would pass the " +
                    $"{budget.TotalSeconds:0} s retry budget";
            }

            if (response.Status == 429)
            {
                logger.RateLimited(wait.TotalSeconds);
            }
            else
            {
                logger.TransientFailure(response.Description, wait.TotalSeconds);
            }

            await Task.Delay(wait, time, cancellationToken);
        }
    }
}

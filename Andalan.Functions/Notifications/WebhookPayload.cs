using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Andalan.Functions.Notifications;

/// <summary>
/// The bodies a webhook channel posts, as pure functions. The words are the Telegram messages' words as plain
/// text, cut to a length limit; the Slack shape escapes what Slack would read as markup.
/// </summary>
public static class WebhookPayload
{
    /// <summary>The longest cause the JSON shape carries in its structured part.</summary>
    public const int CauseLimit = 1_000;

    private const string Cut = "\n… (dipotong)";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string RunStarted(RunStartedNotice notice, WebhookFormat format, int maxTextLength)
    {
        ArgumentNullException.ThrowIfNull(notice);

        return Body("run.started", notice.RunId, TelegramMessages.RunStarted(notice), notice, format, maxTextLength);
    }

    public static string Export(string runId, ExportReport report, WebhookFormat format, int maxTextLength)
    {
        ArgumentNullException.ThrowIfNull(report);
        var data = report with { Cause = Shorten(report.Cause) };

        return Body("export.finished", runId, TelegramMessages.ExportResult(report), data, format, maxTextLength);
    }

    public static string RunSummary(RunSummaryReport summary, WebhookFormat format, int maxTextLength)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var data = summary with { Exports = [.. summary.Exports.Select(e => e with { Cause = Shorten(e.Cause) })] };

        return Body("run.finished", summary.RunId, TelegramMessages.RunSummary(summary), data, format, maxTextLength);
    }

    /// <summary>
    /// Text for Slack's text field: &amp;, &lt; and &gt; become entities, as Slack requires, so a cause like
    /// "&lt;!channel&gt;" is shown, not acted on.
    /// </summary>
    public static string SlackEscape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }

    /// <summary>Cuts <paramref name="text"/> to at most <paramref name="limit"/> characters, saying so.</summary>
    public static string Limit(string text, int limit)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, Cut.Length + 1);
        if (text.Length <= limit)
        {
            return text;
        }

        var keep = limit - Cut.Length;
        if (char.IsHighSurrogate(text[keep - 1]))
        {
            keep--;
        }

        return text[..keep] + Cut;
    }

    private static string Body(
        string kind, string runId, string telegramHtml, object data, WebhookFormat format, int maxTextLength)
    {
        var plain = TelegramHtml.ToPlainText(telegramHtml);
        var text = Limit(plain, maxTextLength);
        if (format == WebhookFormat.Slack)
        {
            // Escaping lengthens the text: keep the longest plain prefix whose escaped form fits the limit.
            var slackText = SlackEscape(text);
            if (slackText.Length > maxTextLength)
            {
                var (fits, tooLong) = (Cut.Length + 1, maxTextLength);
                while (tooLong - fits > 1)
                {
                    var keep = (fits + tooLong) / 2;
                    (fits, tooLong) = SlackEscape(Limit(plain, keep)).Length <= maxTextLength ? (keep, tooLong) : (fits, keep);
                }

                slackText = SlackEscape(Limit(plain, fits));
            }

            return new JsonObject { ["text"] = slackText, ["mrkdwn"] = false }.ToJsonString();
        }

        var body = new JsonObject
        {
            ["source"] = "andalan-export",
            ["event"] = kind,
            ["runId"] = runId,
            ["text"] = text,
            ["data"] = JsonSerializer.SerializeToNode(data, data.GetType(), Json),
        };

        return body.ToJsonString();
    }

    private static string? Shorten(string? cause) =>
        cause is null || cause.Length <= CauseLimit ? cause : cause[..CauseLimit] + "…";
}

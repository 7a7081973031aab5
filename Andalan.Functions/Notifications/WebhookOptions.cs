using System.ComponentModel.DataAnnotations;

namespace Andalan.Functions.Notifications;

/// <summary>A generic webhook channel (section <c>Andalan:Webhook</c>); off unless switched on.</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Andalan:Webhook";

    public bool Enabled { get; set; }

    /// <summary>
    /// Where to POST. Treated as a secret: Slack's and most services' webhook URLs carry their token in the
    /// path, so the URL is never logged or shown (Key Vault: Andalan--Webhook--Url).
    /// </summary>
    public Uri? Url { get; set; }

    public WebhookFormat Format { get; set; } = WebhookFormat.Json;

    /// <summary>How long one POST may take.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long one notification may spend on 429s and retries before it is given up as not delivered.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan RetryBudget { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The least time between two POSTs. Slack allows about one message a second per webhook; the default keeps a
    /// little over that, because the receiver times posts by its own clock and on its own side of the network.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan MinInterval { get; set; } = TimeSpan.FromMilliseconds(1_100);

    /// <summary>The longest message text sent; longer text is cut with a note. Slack advises 4,000 at most.</summary>
    [Range(200, 40_000)]
    public int MaxTextLength { get; set; } = 4_000;
}

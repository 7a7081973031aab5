using System.ComponentModel.DataAnnotations;

namespace Andalan.Functions.Workflow;

/// <summary>How runs are scheduled, retried and reported (section <c>Andalan:Run</c>).</summary>
public sealed class RunOptions
{
    public const string SectionName = "Andalan:Run";

    /// <summary>
    /// The timer's NCRONTAB schedule (with seconds), read by the Functions host from the setting
    /// <c>Andalan__Run__Schedule</c>; evaluated in <see cref="TimeZone"/>.
    /// </summary>
    [Required]
    public string Schedule { get; set; } = "0 0 8,18 * * *";

    /// <summary>The schedule's time zone; the host uses WEBSITE_TIME_ZONE, which must name the same zone.</summary>
    [Required]
    public string TimeZone { get; set; } = "Asia/Jakarta";

    [Range(1, 10)]
    public int MaxAttempts { get; set; } = 3;

    [Range(0, 3600)]
    public double FirstRetryDelaySeconds { get; set; } = 15;

    [Range(1, 10)]
    public double RetryBackoffFactor { get; set; } = 3;

    /// <summary>Where operators can look at a run, e.g. the function app's URL; empty leaves links out.</summary>
    public Uri? PublicBaseUrl { get; set; }

    public RetryPolicy Retry => new(MaxAttempts, FirstRetryDelaySeconds, RetryBackoffFactor);
}

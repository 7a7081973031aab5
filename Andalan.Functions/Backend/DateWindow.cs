using System.Globalization;

namespace Andalan.Functions.Backend;

/// <summary>The dates an export is filtered by, both included, in the panel's time zone.</summary>
public sealed record DateWindow(DateOnly From, DateOnly To)
{
    /// <summary>The last <paramref name="days"/> days, today included, by the clock in <paramref name="zone"/>.</summary>
    public static DateWindow EndingToday(TimeProvider time, TimeZoneInfo zone, int days)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);

        return new DateWindow(today.AddDays(1 - days), today);
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{From:yyyy-MM-dd}..{To:yyyy-MM-dd}");
}

using System.Globalization;

namespace Andalan.Sandbox.Panel;

/// <summary>The date range a report page filters by, both ends inclusive, in panel local dates.</summary>
internal readonly record struct DateWindow(DateOnly From, DateOnly To)
{
    public const int DefaultDays = 7;

    /// <summary>The last seven days, today included.</summary>
    public static DateWindow Default(DateOnly today) => new(today.AddDays(-(DefaultDays - 1)), today);

    /// <summary>
    /// Reads <c>date_from</c> and <c>date_to</c> (yyyy-MM-dd); a missing end takes its default. Invalid input gives
    /// the default window and the message Laravel's validator would show.
    /// </summary>
    public static DateWindow Parse(IQueryCollection query, DateOnly today, out string? error)
    {
        ArgumentNullException.ThrowIfNull(query);
        var fallback = Default(today);
        error = null;
        if (!TryRead(query["date_from"], fallback.From, out var from))
        {
            error = "The date from field must be a valid date.";

            return fallback;
        }

        if (!TryRead(query["date_to"], fallback.To, out var to))
        {
            error = "The date to field must be a valid date.";

            return fallback;
        }

        if (to < from)
        {
            error = "The date to field must be a date after or equal to date from.";

            return fallback;
        }

        return new DateWindow(from, to);
    }

    public string QueryString => $"date_from={PanelFormat.Iso(From)}&date_to={PanelFormat.Iso(To)}";

    private static bool TryRead(string? text, DateOnly fallback, out DateOnly date)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            date = fallback;

            return true;
        }

        return DateOnly.TryParseExact(
            text.Trim(), PanelFormat.IsoDate, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }
}

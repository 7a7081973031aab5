using System.Globalization;
using System.Net;
using Andalan.Functions.Notifications;

namespace Andalan.Functions.Dashboard;

/// <summary>How the dashboard writes values: Indonesian numbers, times in WIB, HTML-escaped text.</summary>
internal static class DashboardText
{
    public static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    public static readonly TimeZoneInfo Jakarta = FindJakarta();

    /// <summary>Escapes text for HTML content and attribute values (quotes included).</summary>
    public static string Html(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    public static string Number(long value) => value.ToString("N0", Indonesian);

    public static string Time(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Jakarta).ToString("d MMM yyyy HH.mm", Indonesian) + " WIB";

    public static string Day(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Jakarta).ToString("d MMM", Indonesian);

    public static string Duration(TimeSpan duration) => TelegramMessages.Duration(duration);

    public static string Seconds(double seconds) => seconds.ToString("0.#", Indonesian) + " dtk";

    public static string Invariant(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static TimeZoneInfo FindJakarta() =>
        TimeZoneInfo.TryFindSystemTimeZoneById("Asia/Jakarta", out var zone)
            ? zone
            : TimeZoneInfo.CreateCustomTimeZone("WIB", TimeSpan.FromHours(7), "WIB", "WIB");
}

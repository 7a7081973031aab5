using System.Globalization;

namespace Andalan.Sandbox.Reports;

/// <summary>The date filter a report was asked for, as its period line and file name show it.</summary>
/// <param name="From">The first date asked for; null is "from the beginning".</param>
/// <param name="AskedTo">The last date asked for; null is "up to today".</param>
/// <param name="Today">The panel's date, which stands in for a missing end.</param>
internal sealed record ReportPeriod(DateOnly? From, DateOnly? AskedTo, DateOnly Today)
{
    public DateOnly To => AskedTo ?? Today;

    /// <summary>For example <c>2025-09-08_2025-09-14</c>, or <c>semua_2025-09-14</c> without a start.</summary>
    public string FileSuffix => $"{(From is { } f ? Iso(f) : "semua")}_{Iso(To)}";

    /// <summary>For example <c>Periode: 08/09/2025 - 14/09/2025</c>.</summary>
    public string Line => From is { } from
        ? $"Periode: {Dmy(from)} - {Dmy(To)}"
        : $"Periode: semua data s.d. {Dmy(To)}";

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Dmy(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}

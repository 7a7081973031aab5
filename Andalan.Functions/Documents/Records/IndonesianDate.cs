using System.Globalization;
using System.Text.RegularExpressions;

namespace Andalan.Functions.Documents.Records;

/// <summary>
/// Dates and times as Indonesian panels print them: <c>14/09/2025 08:15</c>, <c>2025-09-14 08:15:00</c>,
/// <c>14 Sep 2025 08:15</c>, <c>14-09-2025 08.15</c>, Indonesian or English month names and abbreviations,
/// an optional weekday in front and an optional WIB after.
/// </summary>
internal static partial class IndonesianDate
{
    private static readonly Dictionary<string, int> Months = BuildMonths();

    public static bool TryParseDate(string text, out DateOnly date)
    {
        date = default;
        if (!TryParse(text, out var day, out var time))
        {
            return false;
        }

        // A date column printed with a time keeps its date: the schema asks only for the day.
        _ = time;
        date = day;

        return true;
    }

    public static bool TryParseDateTime(string text, out DateTime dateTime, out bool hadTime)
    {
        dateTime = default;
        hadTime = false;
        if (!TryParse(text, out var day, out var time))
        {
            return false;
        }

        hadTime = time is not null;
        dateTime = day.ToDateTime(time ?? TimeOnly.MinValue, DateTimeKind.Unspecified);

        return true;
    }

    private static bool TryParse(string text, out DateOnly date, out TimeOnly? time)
    {
        date = default;
        time = null;
        var match = Pattern().Match(text);
        if (!match.Success)
        {
            return false;
        }

        int year;
        int month;
        int day;
        if (match.Groups["iy"].Success)
        {
            year = Number(match, "iy");
            month = Number(match, "im");
            day = Number(match, "id");
        }
        else if (match.Groups["ny"].Success)
        {
            year = Number(match, "ny");
            month = Number(match, "nm");
            day = Number(match, "nd");
        }
        else
        {
            if (!Months.TryGetValue(match.Groups["mname"].Value.TrimEnd('.').ToUpperInvariant(), out month))
            {
                return false;
            }

            year = Number(match, "wy");
            day = Number(match, "wd");
        }

        if (year is < 1900 or > 2200 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        if (match.Groups["h"].Success)
        {
            var hour = Number(match, "h");
            var minute = Number(match, "min");
            var second = match.Groups["s"].Success ? Number(match, "s") : 0;
            if (hour > 23 || minute > 59 || second > 59)
            {
                return false;
            }

            time = new TimeOnly(hour, minute, second);
        }

        return true;
    }

    private static int Number(Match match, string group) =>
        int.Parse(match.Groups[group].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);

    private static Dictionary<string, int> BuildMonths()
    {
        string[][] names =
        [
            ["JAN", "JANUARI", "JANUARY"],
            ["FEB", "FEBRUARI", "FEBRUARY", "PEB", "PEBRUARI"],
            ["MAR", "MARET", "MARCH"],
            ["APR", "APRIL"],
            ["MEI", "MAY"],
            ["JUN", "JUNI", "JUNE"],
            ["JUL", "JULI", "JULY"],
            ["AGU", "AGS", "AGT", "AGUSTUS", "AUG", "AUGUST"],
            ["SEP", "SEPT", "SEPTEMBER"],
            ["OKT", "OKTOBER", "OCT", "OCTOBER"],
            ["NOV", "NOPEMBER", "NOVEMBER", "NOP"],
            ["DES", "DESEMBER", "DEC", "DECEMBER"],
        ];
        var months = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            foreach (var name in names[i])
            {
                months[name] = i + 1;
            }
        }

        return months;
    }

    // Weekday prefix ("Senin, "), then ISO, numeric day-first or day-month-name-year, then an optional time
    // ("08:15", "08.15", "08:15:00"), optionally after "T", a comma or "pukul", and an optional zone word.
    [GeneratedRegex(
        @"^\s*(?:[A-Za-z]+,\s*)?" +
        @"(?:(?<iy>\d{4})[-/.](?<im>\d{1,2})[-/.](?<id>\d{1,2})" +
        @"|(?<nd>\d{1,2})[-/.](?<nm>\d{1,2})[-/.](?<ny>\d{4})" +
        @"|(?<wd>\d{1,2})[\s\-/]+(?<mname>[A-Za-z]{3,9}\.?)[\s\-/,]+(?<wy>\d{4}))" +
        @"(?:(?:\s*T\s*|\s*,\s*|\s+(?:pukul|jam)\s+|\s+)(?<h>\d{1,2})[:.](?<min>\d{2})(?:[:.](?<s>\d{2})(?:\.\d+)?)?)?" +
        @"\s*(?:WIB|Z|\+07:?00)?\s*$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex Pattern();
}

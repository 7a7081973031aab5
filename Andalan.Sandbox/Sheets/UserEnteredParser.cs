using System.Globalization;
using System.Text.RegularExpressions;

namespace Andalan.Sandbox.Sheets;

/// <summary>
/// What USER_ENTERED makes of a string, as if a person typed it into an en_US spreadsheet: a leading
/// apostrophe keeps text, '=' starts a formula, TRUE/FALSE are booleans, numbers lose leading zeros
/// (<c>0812…</c> becomes 812, <c>+62812…</c> becomes 62812), dates and times become serial numbers with a
/// date format, and a cell already formatted as plain text keeps whatever is typed as text.
/// </summary>
public static partial class UserEnteredParser
{
    public static SheetCell? Parse(string typed, NumberFormat? cellFormat)
    {
        ArgumentNullException.ThrowIfNull(typed);
        if (typed.Length == 0)
        {
            return null;
        }

        if (typed[0] == '\'')
        {
            return SheetCell.OfText(typed[1..]);
        }

        if (cellFormat?.Type == "TEXT" || cellFormat?.Pattern == "@")
        {
            return SheetCell.OfText(typed);
        }

        if (typed.Length > 1 && typed[0] == '=')
        {
            return SheetCell.OfFormula(typed);
        }

        var trimmed = typed.Trim();
        if (trimmed.Equals("TRUE", StringComparison.OrdinalIgnoreCase) ||
            trimmed.Equals("FALSE", StringComparison.OrdinalIgnoreCase))
        {
            return SheetCell.OfBoolean(trimmed.Equals("TRUE", StringComparison.OrdinalIgnoreCase));
        }

        return ParseNumber(trimmed) ?? ParseDate(trimmed) ?? SheetCell.OfText(typed);
    }

    private static SheetCell? ParseNumber(string text)
    {
        var match = Number().Match(text);
        if (!match.Success || !match.Groups["digits"].Value.Any(char.IsAsciiDigit))
        {
            return null;
        }

        var digits = match.Groups["digits"].Value.Replace(",", string.Empty, StringComparison.Ordinal);
        if (!double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }

        number = match.Groups["sign"].Value == "-" ? -number : number;
        if (match.Groups["percent"].Success)
        {
            return SheetCell.OfNumber(number / 100, new NumberFormat("PERCENT", "0.00%"));
        }

        if (match.Groups["currency"].Success)
        {
            return SheetCell.OfNumber(number, new NumberFormat("CURRENCY", "\"$\"#,##0.00"));
        }

        var grouped = match.Groups["digits"].Value.Contains(',', StringComparison.Ordinal);

        return SheetCell.OfNumber(number, grouped ? new NumberFormat("NUMBER", "#,##0") : null);
    }

    private static SheetCell? ParseDate(string text)
    {
        var iso = IsoDate().Match(text);
        var us = UsDate().Match(text);
        var time = Time().Match(text);
        DateTime date;
        string datePattern;
        Match? timePart;
        if (iso.Success)
        {
            if (!TryDate(iso.Groups["y"].Value, iso.Groups["m"].Value, iso.Groups["d"].Value, out date))
            {
                return null;
            }

            datePattern = "yyyy-mm-dd";
            timePart = iso.Groups["time"].Success ? Time().Match(iso.Groups["time"].Value) : null;
        }
        else if (us.Success)
        {
            var year = us.Groups["y"].Value;
            year = year.Length == 2 ? (int.Parse(year, CultureInfo.InvariantCulture) < 30 ? "20" : "19") + year : year;
            if (!TryDate(year, us.Groups["m"].Value, us.Groups["d"].Value, out date))
            {
                return null;
            }

            datePattern = "M/d/yyyy";
            timePart = us.Groups["time"].Success ? Time().Match(us.Groups["time"].Value) : null;
        }
        else if (time.Success)
        {
            var ofDay = TimeOfDay(time);

            return ofDay is null
                ? null
                : SheetCell.OfNumber(ofDay.Value.TotalDays, new NumberFormat("TIME", "h:mm:ss am/pm"));
        }
        else
        {
            return null;
        }

        if (timePart is null)
        {
            return SheetCell.OfNumber(SerialDate.FromDateTime(date), new NumberFormat("DATE", datePattern));
        }

        var at = TimeOfDay(timePart);

        return at is null
            ? null
            : SheetCell.OfNumber(
                SerialDate.FromDateTime(date + at.Value), new NumberFormat("DATE_TIME", datePattern + " H:mm:ss"));
    }

    private static bool TryDate(string year, string month, string day, out DateTime date)
    {
        date = default;
        var y = int.Parse(year, CultureInfo.InvariantCulture);
        var m = int.Parse(month, CultureInfo.InvariantCulture);
        var d = int.Parse(day, CultureInfo.InvariantCulture);
        if (m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(Math.Clamp(y, 1, 9999), m))
        {
            return false;
        }

        date = new DateTime(y, m, d, 0, 0, 0, DateTimeKind.Unspecified);

        return true;
    }

    private static TimeSpan? TimeOfDay(Match time)
    {
        if (!time.Success)
        {
            return null;
        }

        var hour = int.Parse(time.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = int.Parse(time.Groups["min"].Value, CultureInfo.InvariantCulture);
        var second = time.Groups["s"].Success ? int.Parse(time.Groups["s"].Value, CultureInfo.InvariantCulture) : 0;
        var meridiem = time.Groups["ampm"].Value.ToUpperInvariant();
        if (meridiem.Length > 0)
        {
            if (hour is < 1 or > 12)
            {
                return null;
            }

            hour = (hour % 12) + (meridiem.StartsWith('P') ? 12 : 0);
        }

        return hour < 24 && minute < 60 && second < 60 ? new TimeSpan(hour, minute, second) : null;
    }

    [GeneratedRegex(
        @"^(?<sign>[+-]?)(?<currency>\$)?(?<digits>(\d{1,3}(,\d{3})+|\d*)(\.\d+)?([eE][+-]?\d+)?)(?<percent>%)?$")]
    private static partial Regex Number();

    [GeneratedRegex(@"^(?<y>\d{4})[-/](?<m>\d{1,2})[-/](?<d>\d{1,2})(?:[ T](?<time>.+))?$")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^(?<m>\d{1,2})/(?<d>\d{1,2})/(?<y>\d{4}|\d{2})(?: (?<time>.+))?$")]
    private static partial Regex UsDate();

    [GeneratedRegex(@"^(?<h>\d{1,2}):(?<min>\d{2})(?::(?<s>\d{2}))?(?:\s*(?<ampm>[AaPp][Mm]))?$")]
    private static partial Regex Time();
}

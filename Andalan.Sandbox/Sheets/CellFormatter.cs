using System.Globalization;
using System.Text;

namespace Andalan.Sandbox.Sheets;

/// <summary>
/// Renders a value the way FORMATTED_VALUE does in an en_US spreadsheet: numbers through their number format
/// pattern (grouping, decimals, quoted literals such as <c>"Rp"</c>, percent), dates through date patterns
/// (<c>yyyy-mm-dd hh:mm:ss</c>, <c>M/d/yyyy</c>), booleans as TRUE/FALSE.
/// </summary>
public static class CellFormatter
{
    private static readonly CultureInfo Locale = CultureInfo.GetCultureInfo("en-US");

    public static string Format(SheetCell value, NumberFormat? format) => value.Kind switch
    {
        CellKind.Number => FormatNumber(value.Number, format),
        CellKind.Boolean => value.Boolean ? "TRUE" : "FALSE",
        _ => value.Text ?? string.Empty,
    };

    public static string FormatNumber(double number, NumberFormat? format)
    {
        if (format is null || format.EffectivePattern is "@" or "General" or "")
        {
            return General(number);
        }

        var pattern = format.EffectivePattern;

        return IsDatePattern(pattern) ? FormatDate(number, pattern) : FormatWithPattern(number, pattern);
    }

    /// <summary>Date patterns hold y, d, h or s outside quotes; number patterns hold 0 or #.</summary>
    public static bool IsDatePattern(string pattern)
    {
        var quoted = false;
        foreach (var c in pattern)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && "yYdDhHsS".Contains(c, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static string General(double number)
    {
        if (number == Math.Floor(number) && Math.Abs(number) < 1e15)
        {
            return number.ToString("0", CultureInfo.InvariantCulture);
        }

        return Math.Abs(number) >= 1e15
            ? number.ToString("0.#####E+00", CultureInfo.InvariantCulture)
            : number.ToString("0.##########", CultureInfo.InvariantCulture);
    }

    private static string FormatDate(double serial, string pattern)
    {
        var at = SerialDate.ToDateTime(serial);
        var text = new StringBuilder();
        var tokens = DateTokens(pattern);
        var twelveHour = tokens.Any(t => t.Equals("am/pm", StringComparison.OrdinalIgnoreCase));
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            var lower = token.ToLowerInvariant();
            text.Append(lower switch
            {
                "yyyy" => at.Year.ToString("0000", CultureInfo.InvariantCulture),
                "yy" => (at.Year % 100).ToString("00", CultureInfo.InvariantCulture),
                "mmmm" => at.ToString("MMMM", Locale),
                "mmm" => at.ToString("MMM", Locale),
                "mm" or "m" when IsMinute(tokens, i) =>
                    at.Minute.ToString(lower == "mm" ? "00" : "0", CultureInfo.InvariantCulture),
                "mm" => at.Month.ToString("00", CultureInfo.InvariantCulture),
                "m" => at.Month.ToString(CultureInfo.InvariantCulture),
                "dddd" => at.ToString("dddd", Locale),
                "ddd" => at.ToString("ddd", Locale),
                "dd" => at.Day.ToString("00", CultureInfo.InvariantCulture),
                "d" => at.Day.ToString(CultureInfo.InvariantCulture),
                "hh" => Hour(at, twelveHour).ToString("00", CultureInfo.InvariantCulture),
                "h" => Hour(at, twelveHour).ToString(CultureInfo.InvariantCulture),
                "ss" => at.Second.ToString("00", CultureInfo.InvariantCulture),
                "s" => at.Second.ToString(CultureInfo.InvariantCulture),
                "am/pm" => at.Hour < 12 ? (token[0] == 'a' ? "am" : "AM") : (token[0] == 'a' ? "pm" : "PM"),
                _ => token,
            });
        }

        return text.ToString();
    }

    private static int Hour(DateTime at, bool twelveHour) =>
        twelveHour ? (at.Hour % 12 == 0 ? 12 : at.Hour % 12) : at.Hour;

    /// <summary>As in spreadsheets since Lotus: "m" right after an hour or right before seconds is minutes.</summary>
    private static bool IsMinute(List<string> tokens, int index)
    {
        static bool IsLetterToken(string t) => char.IsLetter(t[0]);
        for (var i = index - 1; i >= 0; i--)
        {
            if (IsLetterToken(tokens[i]))
            {
                if (tokens[i][0] is 'h' or 'H')
                {
                    return true;
                }

                break;
            }
        }

        for (var i = index + 1; i < tokens.Count; i++)
        {
            if (IsLetterToken(tokens[i]))
            {
                return tokens[i][0] is 's' or 'S';
            }
        }

        return false;
    }

    private static List<string> DateTokens(string pattern)
    {
        var tokens = new List<string>();
        for (var i = 0; i < pattern.Length;)
        {
            var c = pattern[i];
            if (c == '"')
            {
                var end = pattern.IndexOf('"', i + 1);
                end = end < 0 ? pattern.Length : end;
                tokens.Add(pattern[(i + 1)..end]);
                i = end + 1;
            }
            else if (c == '\\' && i + 1 < pattern.Length)
            {
                tokens.Add(pattern[i + 1].ToString());
                i += 2;
            }
            else if (pattern.AsSpan(i).StartsWith("am/pm", StringComparison.OrdinalIgnoreCase))
            {
                tokens.Add(pattern.Substring(i, 5));
                i += 5;
            }
            else if ("yYmMdDhHsS".Contains(c, StringComparison.Ordinal))
            {
                var run = 1;
                while (i + run < pattern.Length && char.ToLowerInvariant(pattern[i + run]) == char.ToLowerInvariant(c))
                {
                    run++;
                }

                tokens.Add(pattern.Substring(i, run));
                i += run;
            }
            else
            {
                tokens.Add(c.ToString());
                i++;
            }
        }

        return tokens;
    }

    private static string FormatWithPattern(double number, string pattern)
    {
        var sections = SplitSections(pattern);
        var section = sections[0];
        var negativeSection = number < 0 && sections.Count > 1;
        if (negativeSection)
        {
            section = sections[1];
        }
        else if (number == 0 && sections.Count > 2)
        {
            section = sections[2];
        }

        var prefix = new StringBuilder();
        var suffix = new StringBuilder();
        var core = new StringBuilder();
        for (var i = 0; i < section.Length; i++)
        {
            var c = section[i];
            var target = core.Length == 0 ? prefix : suffix;
            if (c == '"')
            {
                var end = section.IndexOf('"', i + 1);
                end = end < 0 ? section.Length : end;
                target.Append(section, i + 1, end - i - 1);
                i = end;
            }
            else if (c == '[')
            {
                // A locale currency such as [$Rp-421] shows its symbol; other bracketed parts (colours) show nothing.
                var end = section.IndexOf(']', i);
                end = end < 0 ? section.Length - 1 : end;
                var inner = section[(i + 1)..end];
                if (inner.StartsWith('$'))
                {
                    var dash = inner.IndexOf('-', StringComparison.Ordinal);
                    target.Append(dash < 0 ? inner[1..] : inner[1..dash]);
                }

                i = end;
            }
            else if (c == '\\' && i + 1 < section.Length)
            {
                target.Append(section[++i]);
            }
            else if (c is '0' or '#' or '?' or ',' or '.' || (c is 'E' or 'e' && core.Length > 0))
            {
                core.Append(c);
            }
            else if (c == '_' && i + 1 < section.Length)
            {
                target.Append(' ');
                i++;
            }
            else if (c is not '*')
            {
                target.Append(c);
            }
        }

        var value = Math.Abs(number) * (prefix.ToString().Contains('%', StringComparison.Ordinal) ||
            suffix.ToString().Contains('%', StringComparison.Ordinal) ? 100 : 1);
        var digits = FormatCore(value, core.ToString());
        var sign = number < 0 && !negativeSection && digits.Any(d => d is >= '1' and <= '9') ? "-" : string.Empty;

        return sign + prefix + digits + suffix;
    }

    private static string FormatCore(double value, string core)
    {
        if (core.Length == 0)
        {
            return string.Empty;
        }

        var exponent = core.IndexOfAny(['E', 'e']);
        if (exponent >= 0)
        {
            var mantissa = core[..exponent].Replace(",", string.Empty, StringComparison.Ordinal);

            return value.ToString(mantissa.Replace('#', '0') + "E+00", CultureInfo.InvariantCulture);
        }

        var point = core.IndexOf('.', StringComparison.Ordinal);
        var integerPart = point < 0 ? core : core[..point];
        var fraction = point < 0
            ? string.Empty
            : core[(point + 1)..].Replace(",", string.Empty, StringComparison.Ordinal);
        var grouping = integerPart.TrimEnd(',').Contains(',', StringComparison.Ordinal);

        // Trailing commas scale by thousands, as in "#,##0," for thousands.
        var scale = integerPart.Length - integerPart.TrimEnd(',').Length;
        value /= Math.Pow(1000, scale);
        var minimumIntegerDigits = integerPart.Count(c => c == '0');
        var fixedDecimals = fraction.Count(c => c == '0');
        var optionalDecimals = fraction.Count(c => c is '#' or '?');
        var netPattern = (grouping ? "#,##" : "#") + new string('0', Math.Max(minimumIntegerDigits, 0)) +
            (fraction.Length > 0
                ? "." + new string('0', fixedDecimals) + new string('#', optionalDecimals)
                : string.Empty);
        var text = value.ToString(netPattern, Locale);

        return text.Length == 0 ? "0" : text;
    }

    private static List<string> SplitSections(string pattern)
    {
        var sections = new List<string>();
        var quoted = false;
        var start = 0;
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '"')
            {
                quoted = !quoted;
            }
            else if (pattern[i] == ';' && !quoted)
            {
                sections.Add(pattern[start..i]);
                start = i + 1;
            }
        }

        sections.Add(pattern[start..]);

        return sections;
    }
}

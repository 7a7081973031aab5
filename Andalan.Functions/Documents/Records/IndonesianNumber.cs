using System.Globalization;

namespace Andalan.Functions.Documents.Records;

/// <summary>
/// Whole numbers and rupiah amounts as Indonesian panels print them: dots group thousands, a comma starts
/// the (zero) cents, a minus sign or parentheses make a number negative, and amounts may carry Rp or IDR.
/// </summary>
internal static class IndonesianNumber
{
    public static bool TryParseInteger(string text, out long value, out string reason) =>
        TryParse(text, allowCurrency: false, out value, out reason);

    public static bool TryParseRupiah(string text, out long value, out string reason) =>
        TryParse(text, allowCurrency: true, out value, out reason);

    /// <summary>A number a workbook stored as a number; it must be whole.</summary>
    public static bool TryFromDouble(double number, out long value, out string reason)
    {
        value = 0;
        reason = string.Empty;
        if (double.IsNaN(number) || double.IsInfinity(number) || Math.Abs(number) > 9e15)
        {
            reason = "is not a usable number";

            return false;
        }

        var rounded = Math.Round(number);
        if (Math.Abs(number - rounded) > 1e-6)
        {
            reason = "has a fraction; a whole number was expected";

            return false;
        }

        value = (long)rounded;

        return true;
    }

    private static bool TryParse(string text, bool allowCurrency, out long value, out string reason)
    {
        value = 0;
        reason = allowCurrency ? "is not a rupiah amount" : "is not a whole number";
        Span<char> buffer = stackalloc char[Math.Min(text.Length, 64)];
        if (text.Length > 64)
        {
            return false;
        }

        // Keep only what can matter: digits, separators, signs and parentheses; drop spaces and currency.
        var s = text.AsSpan().Trim();
        var negative = false;
        if (s.Length >= 2 && s[0] == '(' && s[^1] == ')')
        {
            negative = true;
            s = s[1..^1].Trim();
        }

        var length = 0;
        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (allowCurrency && TryCurrency(s[i..], out var skip))
            {
                i += skip;
                continue;
            }

            if (c is '-' or '\u2212' or '\u2013')
            {
                if (negative || length > 0)
                {
                    return false;
                }

                negative = true;
            }
            else if (c == '+')
            {
                if (length > 0)
                {
                    return false;
                }
            }
            else if (c == '(' && !negative && length == 0 && s[^1] == ')')
            {
                negative = true;
                s = s[..^1];
            }
            else if (char.IsAsciiDigit(c) || c is '.' or ',')
            {
                buffer[length++] = c;
            }
            else if (!char.IsWhiteSpace(c))
            {
                return false;
            }

            i++;
        }

        if (length == 0)
        {
            return false;
        }

        if (!TryDigits(buffer[..length], out var magnitude, out var fraction))
        {
            return false;
        }

        if (fraction)
        {
            reason = "has a fraction; a whole number was expected";

            return false;
        }

        value = negative ? -magnitude : magnitude;

        return true;
    }

    private static bool TryCurrency(ReadOnlySpan<char> s, out int length)
    {
        length = 0;
        if (s.StartsWith("IDR", StringComparison.OrdinalIgnoreCase))
        {
            length = 3;
        }
        else if (s.StartsWith("Rp", StringComparison.OrdinalIgnoreCase))
        {
            length = s.Length > 2 && s[2] == '.' ? 3 : 2;
        }

        return length > 0;
    }

    /// <summary>
    /// Reads <c>1.250.000</c>, <c>1.250.000,00</c>, <c>1250000</c>, and the English <c>1,250,000.00</c>: a
    /// separator followed by exactly three digits groups thousands, a last one followed by one or two digits
    /// starts the decimals.
    /// </summary>
    private static bool TryDigits(ReadOnlySpan<char> s, out long magnitude, out bool fraction)
    {
        magnitude = 0;
        fraction = false;
        var decimalAt = -1;
        var lastSeparator = s.LastIndexOfAny('.', ',');
        if (lastSeparator >= 0)
        {
            var tail = s.Length - lastSeparator - 1;
            var separator = s[lastSeparator];
            var other = separator == '.' ? ',' : '.';
            var onlyOnce = s.IndexOf(separator) == lastSeparator;

            // "1.250" is one thousand two hundred and fifty in Indonesian; "12,50" is a decimal.
            if (tail is 1 or 2 || (tail == 3 && onlyOnce && separator == ',' && s.IndexOf(other) >= 0) ||
                (tail != 3 && onlyOnce))
            {
                decimalAt = lastSeparator;
            }
        }

        var whole = decimalAt >= 0 ? s[..decimalAt] : s;
        if (decimalAt >= 0)
        {
            foreach (var c in s[(decimalAt + 1)..])
            {
                if (!char.IsAsciiDigit(c))
                {
                    return false;
                }

                fraction |= c != '0';
            }
        }

        if (whole.Length == 0 || !ValidGrouping(whole))
        {
            return false;
        }

        Span<char> digits = stackalloc char[whole.Length];
        var n = 0;
        foreach (var c in whole)
        {
            if (char.IsAsciiDigit(c))
            {
                digits[n++] = c;
            }
        }

        return n <= 18 && long.TryParse(digits[..n], NumberStyles.None, CultureInfo.InvariantCulture, out magnitude);
    }

    private static bool ValidGrouping(ReadOnlySpan<char> whole)
    {
        var separatorAt = whole.IndexOfAny('.', ',');
        if (separatorAt < 0)
        {
            return true;
        }

        var separator = whole[separatorAt];
        if (separatorAt is 0 or > 3)
        {
            return false;
        }

        for (var i = separatorAt; i < whole.Length; i += 4)
        {
            if (whole[i] != separator || i + 4 > whole.Length || !char.IsAsciiDigit(whole[i + 1]) ||
                !char.IsAsciiDigit(whole[i + 2]) || !char.IsAsciiDigit(whole[i + 3]))
            {
                return false;
            }
        }

        return (whole.Length - separatorAt) % 4 == 0;
    }
}

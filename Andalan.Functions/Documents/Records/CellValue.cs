using System.Globalization;
using Andalan.Functions.Exports;

namespace Andalan.Functions.Documents.Records;

/// <summary>
/// Turns one cell, as a reader found it, into a record value of the field's type. A cell is text (PDF, or a
/// workbook's text cell), a <see cref="double"/> (a workbook's number) or a <see cref="DateTime"/> (a
/// workbook's number in a date format).
/// </summary>
internal static class CellValue
{
    public static bool TryConvert(object? cell, FieldType type, out object? value, out string reason)
    {
        value = null;
        reason = string.Empty;
        if (cell is string raw)
        {
            var text = TextFold.Fold(raw);
            if (text.Length == 0)
            {
                return true;
            }

            return type == FieldType.Text ? Ok(text, out value) : TryText(text, type, out value, out reason);
        }

        return cell switch
        {
            null => true,
            double number => TryNumber(number, type, out value, out reason),
            DateTime dateTime => TryDateTime(dateTime, type, out value, out reason),
            _ => TryConvert(Text(cell), type, out value, out reason),
        };
    }

    /// <summary>The cell as the document shows it, for raw output and messages.</summary>
    public static string Text(object? cell) => cell switch
    {
        null => string.Empty,
        string text => TextFold.Fold(text),
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        DateTime dateTime => dateTime.TimeOfDay == TimeSpan.Zero
            ? dateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : dateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        bool flag => flag ? "TRUE" : "FALSE",
        _ => Convert.ToString(cell, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    private static bool Ok(object result, out object? value)
    {
        value = result;

        return true;
    }

    private static bool TryText(string text, FieldType type, out object? value, out string reason)
    {
        value = null;
        reason = string.Empty;
        switch (type)
        {
            case FieldType.Integer:
                if (IndonesianNumber.TryParseInteger(text, out var integer, out reason))
                {
                    value = integer;
                }

                break;
            case FieldType.Rupiah:
                if (IndonesianNumber.TryParseRupiah(text, out var amount, out reason))
                {
                    value = amount;
                }

                break;
            case FieldType.Date:
                if (IndonesianDate.TryParseDate(text, out var date))
                {
                    value = date;
                }
                else
                {
                    reason = "is not a date";
                }

                break;
            case FieldType.DateTime:
                if (!IndonesianDate.TryParseDateTime(text, out var dateTime, out var hadTime))
                {
                    reason = "is not a date and time";
                }
                else if (!hadTime)
                {
                    reason = "has a date but no time";
                }
                else
                {
                    value = dateTime;
                }

                break;
            default:
                value = text;
                break;
        }

        return value is not null;
    }

    private static bool TryNumber(double number, FieldType type, out object? value, out string reason)
    {
        value = null;
        reason = string.Empty;
        switch (type)
        {
            case FieldType.Integer or FieldType.Rupiah:
                if (IndonesianNumber.TryFromDouble(number, out var whole, out reason))
                {
                    value = whole;
                }

                return value is not null;
            case FieldType.Date or FieldType.DateTime:
                // A date stored as a plain number (no date format on the cell) is still an Excel serial date.
                if (number is < 1 or > 2_958_465)
                {
                    reason = "is a number, not a date";

                    return false;
                }

                return TryDateTime(DateTime.FromOADate(number), type, out value, out reason);
            default:
                value = number.ToString("R", CultureInfo.InvariantCulture);

                return true;
        }
    }

    private static bool TryDateTime(DateTime dateTime, FieldType type, out object? value, out string reason)
    {
        reason = string.Empty;

        // Excel keeps times as fractions of a day; round to the second so 08:15 does not read as 08:14:59.
        var rounded = new DateTime((dateTime.Ticks + (TimeSpan.TicksPerSecond / 2)) / TimeSpan.TicksPerSecond *
            TimeSpan.TicksPerSecond, DateTimeKind.Unspecified);
        value = type switch
        {
            FieldType.Date => DateOnly.FromDateTime(rounded),
            FieldType.DateTime => rounded,
            FieldType.Text => Text(rounded),
            _ => null,
        };
        if (value is null)
        {
            reason = "is a date, not a number";
        }

        return value is not null;
    }
}

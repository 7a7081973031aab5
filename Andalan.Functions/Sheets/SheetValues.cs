using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Andalan.Functions.Exports;
using Andalan.Functions.Sheets.Api;

namespace Andalan.Functions.Sheets;

/// <summary>
/// How record values become typed cells and how a cell read back (UNFORMATTED_VALUE, SERIAL_NUMBER) is compared
/// with a record: text as strings (so <c>0812…</c> and <c>=HYPERLINK(…)</c> stay text under RAW input),
/// integers and rupiah as numbers, dates and datetimes as serial numbers under a date format.
/// </summary>
internal static class SheetValues
{
    private static readonly DateTime Epoch = new(1899, 12, 30, 0, 0, 0, DateTimeKind.Unspecified);
    private static readonly DateOnly EpochDate = new(1899, 12, 30);

    /// <summary>The value to send; an empty string clears a cell, which a null would leave as it was.</summary>
    public static object ToCell(object? value) => value switch
    {
        null => string.Empty,
        string text => text,
        long number => number,
        int number => (long)number,
        DateOnly date => (long)(date.DayNumber - EpochDate.DayNumber),
        DateTime at => (at - Epoch).TotalDays,
        _ => throw new ArgumentException(
            $"A record value of type {value.GetType().Name} cannot go to Sheets.", nameof(value)),
    };

    /// <summary>A row of record values as the JSON array a write request carries, written directly.</summary>
    public static byte[] RowJson(IReadOnlyList<object?> values)
    {
        var buffer = new ArrayBufferWriter<byte>(64 + (values.Count * 16));
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = SheetsClient.Json.Encoder }))
        {
            writer.WriteStartArray();
            foreach (var value in values)
            {
                switch (ToCell(value))
                {
                    case string text:
                        writer.WriteStringValue(text);
                        break;
                    case long number:
                        writer.WriteNumberValue(number);
                        break;
                    case double number:
                        writer.WriteNumberValue(number);
                        break;
                }
            }

            writer.WriteEndArray();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>True when the cell already holds the record's value, typed the same way.</summary>
    public static bool Matches(object? value, CellValue cell) => value switch
    {
        null => cell.IsEmpty,
        string text => cell.Kind == JsonValueKind.String ? cell.Text == text : text.Length == 0 && cell.IsEmpty,
        long number => cell.Kind == JsonValueKind.Number && cell.Number == number,
        int number => cell.Kind == JsonValueKind.Number && cell.Number == number,
        DateOnly date => cell.Kind == JsonValueKind.Number && cell.Number == date.DayNumber - EpochDate.DayNumber,

        // Serial numbers are fractions of a day: compare at whole seconds, which is all a record holds.
        DateTime at => cell.Kind == JsonValueKind.Number &&
            Math.Round(cell.Number * 86_400) == Math.Round((at - Epoch).TotalSeconds),
        _ => false,
    };

    /// <summary>A key cell as text: a key a person typed as a number still finds its record.</summary>
    public static string KeyText(CellValue cell) => cell.Kind switch
    {
        JsonValueKind.String => cell.Text ?? string.Empty,
        JsonValueKind.Number => cell.Number.ToString("R", CultureInfo.InvariantCulture),
        JsonValueKind.True => "TRUE",
        JsonValueKind.False => "FALSE",
        _ => string.Empty,
    };

    /// <summary>The column format for a field type: dates as dates, rupiah as currency, text as plain text.</summary>
    public static NumberFormat FormatFor(FieldType type) => type switch
    {
        FieldType.Date => new NumberFormat("DATE", "yyyy-mm-dd"),
        FieldType.DateTime => new NumberFormat("DATE_TIME", "yyyy-mm-dd hh:mm:ss"),
        FieldType.Rupiah => new NumberFormat("CURRENCY", "\"Rp\" #,##0"),
        FieldType.Integer => new NumberFormat("NUMBER", "#,##0"),
        _ => new NumberFormat("TEXT", "@"),
    };

    /// <summary>A1 for a column: 0 is A, 26 is AA.</summary>
    public static string ColumnName(int column)
    {
        var name = string.Empty;
        for (var n = column + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    /// <summary>The sheet name as A1 notation wants it: always quoted, quotes doubled.</summary>
    public static string Quote(string tab) => "'" + tab.Replace("'", "''", StringComparison.Ordinal) + "'";
}

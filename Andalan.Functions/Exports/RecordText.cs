using System.Globalization;
using System.Text;

namespace Andalan.Functions.Exports;

/// <summary>
/// Canonical record text (ARCHITECTURE.md): CSV per RFC 4180 in UTF-8, a header of field names in schema
/// order, datetimes as <c>yyyy-MM-ddTHH:mm:ss</c>, dates as <c>yyyy-MM-dd</c>, numbers as plain integers,
/// and empty for a missing value.
/// </summary>
public static class RecordText
{
    public static string Format(object? value) => value switch
    {
        null => string.Empty,
        string text => text,
        long number => number.ToString(CultureInfo.InvariantCulture),
        int number => number.ToString(CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime dateTime => dateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        _ => throw new ArgumentException($"A record value of type {value.GetType().Name} has no canonical text.", nameof(value)),
    };

    /// <summary>Writes the header line and one line per record.</summary>
    public static void WriteCsv(TextWriter writer, ExportDefinition export, IEnumerable<ExportRecord> records)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(export);
        ArgumentNullException.ThrowIfNull(records);
        WriteCsvLine(writer, export.Fields.Select(f => f.Name));
        foreach (var record in records)
        {
            WriteCsvLine(writer, record.Values.Select(Format));
        }
    }

    /// <summary>Writes one CSV line, quoting a cell that holds a comma, a quote or a line break.</summary>
    public static void WriteCsvLine(TextWriter writer, IEnumerable<string> cells)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(cells);
        var first = true;
        foreach (var cell in cells)
        {
            if (!first)
            {
                writer.Write(',');
            }

            first = false;
            writer.Write(Quote(cell));
        }

        writer.Write("\r\n");
    }

    private static string Quote(string cell)
    {
        if (cell.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            return cell;
        }

        var quoted = new StringBuilder(cell.Length + 2).Append('"');
        quoted.Append(cell.Replace("\"", "\"\"", StringComparison.Ordinal));

        return quoted.Append('"').ToString();
    }
}

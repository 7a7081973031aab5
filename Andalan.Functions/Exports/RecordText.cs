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
    // The standard forms of yyyy-MM-dd and yyyy-MM-ddTHH:mm:ss, which .NET writes without parsing a pattern.
    private const string DateFormat = "O";
    private const string DateTimeFormat = "s";

    public static string Format(object? value) => value switch
    {
        null => string.Empty,
        string text => text,
        long number => number.ToString(CultureInfo.InvariantCulture),
        int number => number.ToString(CultureInfo.InvariantCulture),
        DateOnly date => date.ToString(DateFormat, CultureInfo.InvariantCulture),
        DateTime dateTime => dateTime.ToString(DateTimeFormat, CultureInfo.InvariantCulture),
        _ => throw new ArgumentException($"A record value of type {value.GetType().Name} has no canonical text.", nameof(value)),
    };

    /// <summary>Writes the header line and one line per record.</summary>
    public static void WriteCsv(TextWriter writer, ExportDefinition export, IEnumerable<ExportRecord> records)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(export);
        ArgumentNullException.ThrowIfNull(records);
        WriteCsvLine(writer, export.Fields.Select(f => f.Name));
        Span<char> formatted = stackalloc char[32];
        foreach (var record in records)
        {
            var values = record.Values;
            for (var i = 0; i < values.Count; i++)
            {
                if (i > 0)
                {
                    writer.Write(',');
                }

                WriteValue(writer, values[i], formatted);
            }

            writer.Write("\r\n");
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

    /// <summary>Writes a value as <see cref="Format"/> and <see cref="WriteCsvLine"/> would, numbers and dates
    /// without making a string of them first.</summary>
    private static void WriteValue(TextWriter writer, object? value, Span<char> formatted)
    {
        var length = 0;
        var done = value switch
        {
            long number => number.TryFormat(formatted, out length, default, CultureInfo.InvariantCulture),
            DateTime dateTime =>
                dateTime.TryFormat(formatted, out length, DateTimeFormat, CultureInfo.InvariantCulture),
            DateOnly date => date.TryFormat(formatted, out length, DateFormat, CultureInfo.InvariantCulture),
            _ => false,
        };
        if (done)
        {
            writer.Write(formatted[..length]);
        }
        else
        {
            writer.Write(Quote(Format(value)));
        }
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

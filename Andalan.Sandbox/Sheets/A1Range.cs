using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Andalan.Sandbox.Sheets;

/// <summary>
/// A range in A1 notation as Google reads it: <c>Sheet1!A1:B2</c>, <c>'Transaksi Poin'!A1:I</c>,
/// <c>'It''s'!A:C</c>, <c>2:5</c>, a bare sheet name for the whole sheet, or no sheet for the first one.
/// Rows and columns are 0-based; a null end is open (to the edge of the grid), ends are exclusive.
/// </summary>
public sealed partial record A1Range(string? Sheet, int? StartRow, int? StartColumn, int? EndRow, int? EndColumn)
{
    /// <summary>Columns beyond ZZZ do not exist in Sheets.</summary>
    private const int MaxColumns = 18_278;

    /// <summary>Parses a range; the sheet is left null when the text names none.</summary>
    public static A1Range Parse(string text, Func<string, bool> isSheetTitle)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(isSheetTitle);
        var (sheet, cells) = SplitSheet(text);
        if (sheet is null && isSheetTitle(cells))
        {
            return new A1Range(cells, null, null, null, null);
        }

        if (sheet is not null && cells.Length == 0 && !text.EndsWith('!'))
        {
            return new A1Range(sheet, null, null, null, null);
        }

        var parts = cells.Split(':');
        if (parts.Length > 2 || parts.Any(p => p.Length == 0))
        {
            throw Unparsable(text);
        }

        var start = ParseCorner(parts[0]) ?? throw Unparsable(text);
        if (parts.Length == 1)
        {
            if (start.Row is null || start.Column is null)
            {
                throw Unparsable(text);
            }

            return new A1Range(sheet, start.Row, start.Column, start.Row + 1, start.Column + 1);
        }

        var end = ParseCorner(parts[1]) ?? throw Unparsable(text);

        // "A:C" and "2:5" are whole columns and rows; "A5:C" runs from row 5 to the bottom.
        if ((start.Column is null) != (end.Column is null) || (start.Row is null && end.Row is not null))
        {
            throw Unparsable(text);
        }

        var range = new A1Range(
            sheet,
            start.Row,
            start.Column,
            end.Row + 1,
            end.Column + 1);

        return range.Normalized();
    }

    /// <summary>The range's text as Google answers it, with the sheet quoted when its name needs it.</summary>
    public static string Format(string sheet, int startRow, int startColumn, int endRow, int endColumn)
    {
        var text = new StringBuilder(QuoteSheet(sheet)).Append('!');
        text.Append(ColumnName(startColumn)).Append((startRow + 1).ToString(CultureInfo.InvariantCulture));
        if (endRow - startRow != 1 || endColumn - startColumn != 1)
        {
            text.Append(':').Append(ColumnName(endColumn - 1))
                .Append(endRow.ToString(CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    public static string QuoteSheet(string sheet)
    {
        ArgumentNullException.ThrowIfNull(sheet);

        return PlainSheetName().IsMatch(sheet) ? sheet : "'" + sheet.Replace("'", "''", StringComparison.Ordinal) + "'";
    }

    /// <summary>0 is A, 25 is Z, 26 is AA.</summary>
    public static string ColumnName(int column)
    {
        var name = new StringBuilder();
        for (var n = column + 1; n > 0; n = (n - 1) / 26)
        {
            name.Insert(0, (char)('A' + ((n - 1) % 26)));
        }

        return name.ToString();
    }

    private A1Range Normalized()
    {
        // Google accepts the corners in any order ("B2:A1" is A1:B2).
        var (startRow, endRow) = StartRow is { } r0 && EndRow is { } r1 && r1 <= r0
            ? (r1 - 1, r0 + 1)
            : (StartRow, EndRow);
        var (startColumn, endColumn) = StartColumn is { } c0 && EndColumn is { } c1 && c1 <= c0
            ? (c1 - 1, c0 + 1)
            : (StartColumn, EndColumn);

        return this with { StartRow = startRow, EndRow = endRow, StartColumn = startColumn, EndColumn = endColumn };
    }

    private static (string? Sheet, string Cells) SplitSheet(string text)
    {
        if (text.StartsWith('\''))
        {
            var name = new StringBuilder();
            for (var i = 1; i < text.Length; i++)
            {
                if (text[i] != '\'')
                {
                    name.Append(text[i]);
                    continue;
                }

                if (i + 1 < text.Length && text[i + 1] == '\'')
                {
                    name.Append('\'');
                    i++;
                    continue;
                }

                var rest = text[(i + 1)..];
                if (rest.Length == 0)
                {
                    return (name.ToString(), string.Empty);
                }

                return rest.StartsWith('!') ? (name.ToString(), rest[1..]) : throw Unparsable(text);
            }

            throw Unparsable(text);
        }

        var bang = text.LastIndexOf('!');

        return bang < 0 ? (null, text) : (text[..bang], text[(bang + 1)..]);
    }

    private static (int? Row, int? Column)? ParseCorner(string corner)
    {
        var match = Corner().Match(corner);
        if (!match.Success || (match.Groups[1].Length == 0 && match.Groups[2].Length == 0))
        {
            return null;
        }

        int? column = null;
        if (match.Groups[1].Length > 0)
        {
            var n = 0;
            foreach (var c in match.Groups[1].Value.ToUpperInvariant())
            {
                n = (n * 26) + (c - 'A' + 1);
            }

            if (n > MaxColumns)
            {
                return null;
            }

            column = n - 1;
        }

        int? row = null;
        if (match.Groups[2].Length > 0)
        {
            if (!int.TryParse(match.Groups[2].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var r) ||
                r < 1)
            {
                return null;
            }

            row = r - 1;
        }

        return (row, column);
    }

    private static SheetsException Unparsable(string text) =>
        SheetsException.InvalidArgument($"Unable to parse range: {text}");

    [GeneratedRegex(@"^\$?([A-Za-z]{0,3})\$?([0-9]{0,7})$")]
    private static partial Regex Corner();

    [GeneratedRegex("^[A-Za-z0-9_]+$")]
    private static partial Regex PlainSheetName();
}

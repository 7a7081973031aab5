namespace Andalan.Functions.Documents.Pdf;

/// <summary>A table row still being read: more wrapped lines may follow, on this page or the next.</summary>
internal sealed class PdfOpenRow(int number, int page, int columns)
{
    private readonly System.Text.StringBuilder?[] _cells = new System.Text.StringBuilder?[columns];
    private readonly int[] _lastLine = new int[columns];
    private readonly string?[] _firstWords = new string?[columns];

    public int Number { get; } = number;

    public int Page { get; } = page;

    /// <summary>
    /// Adds a word to a cell. A cell that wrapped after a hyphen or a slash ("25-07-" over "2024", an e-mail
    /// or invoice number) had no space there, since a browser breaks a line after those without one.
    /// </summary>
    public void Add(int column, string word, int line)
    {
        var cell = _cells[column];
        if (cell is null)
        {
            _cells[column] = new System.Text.StringBuilder(word);
            _firstWords[column] = word;
        }
        else
        {
            var wrapped = line != _lastLine[column];
            if (!(wrapped && cell[^1] is '-' or '/' && char.IsLetterOrDigit(word[0])))
            {
                cell.Append(' ');
            }

            cell.Append(word);
        }

        _lastLine[column] = line;
    }

    /// <summary>The first word of a cell, or null.</summary>
    public string? FirstWord(int column) => _firstWords[column];

    /// <summary>True when every column given already has text in this row.</summary>
    public bool HasTextIn(IEnumerable<int> columns) => columns.All(c => _cells[c] is not null);

    public TableRow Close() => new(Number, Page, [.. _cells.Select(c => (object?)c?.ToString())]);
}

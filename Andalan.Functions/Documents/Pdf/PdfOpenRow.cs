namespace Andalan.Functions.Documents.Pdf;

/// <summary>A table row still being read: more wrapped lines may follow, on this page or the next.</summary>
internal sealed class PdfOpenRow(int number, int page, int columns)
{
    private readonly List<string>[] _cells = [.. Enumerable.Range(0, columns).Select(_ => new List<string>(2))];

    public int Number { get; } = number;

    public int Page { get; } = page;

    public void Add(int column, string word) => _cells[column].Add(word);

    public TableRow Close() =>
        new(Number, Page, [.. _cells.Select(c => c.Count == 0 ? null : (object)string.Join(' ', c))]);
}

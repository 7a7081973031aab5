namespace Andalan.Functions.Documents.Pdf;

/// <summary>The table header found on a page: its columns left to right and the lines it occupies.</summary>
internal sealed record PdfHeader(TableHeader Table, IReadOnlyList<PdfHeaderColumn> Columns, int FirstLine, int LastLine);

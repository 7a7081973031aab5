namespace Andalan.Functions.Documents;

/// <summary>One data row of a table, its cells aligned with the header's columns.</summary>
/// <param name="Number">The sheet row (xlsx) or the data row counted from 1 (PDF).</param>
/// <param name="Page">The PDF page the row starts on; null for a workbook.</param>
/// <param name="Cells">Text, or for a workbook also a <see cref="double"/> or <see cref="DateTime"/>.</param>
internal sealed record TableRow(int Number, int? Page, object?[] Cells);

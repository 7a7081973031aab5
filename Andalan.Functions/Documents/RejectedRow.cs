namespace Andalan.Functions.Documents;

/// <summary>A row left out of the records, with where it is and why.</summary>
/// <param name="Row">The sheet row (xlsx) or the table's data row counted from 1 (PDF).</param>
/// <param name="Page">The PDF page the row starts on; null for a workbook.</param>
/// <param name="Column">The column's header label as the document prints it.</param>
/// <param name="Field">The schema field the column maps to.</param>
/// <param name="Value">The cell's text as read.</param>
/// <param name="Reason">What is wrong with it.</param>
public sealed record RejectedRow(int Row, int? Page, string Column, string Field, string Value, string Reason)
{
    public override string ToString()
    {
        var where = Page is null ? $"row {Row}" : $"row {Row} (page {Page})";

        return $"{where}, column '{Column}' ({Field}): '{Value}' {Reason}";
    }
}

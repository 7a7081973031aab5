namespace Andalan.Sandbox.Sheets;

/// <summary>
/// A number format applied to a range by repeatCell; a null end is open, so rows added later below a
/// formatted column take its format, as inserted rows do in Sheets. Later rules (higher stamp) win.
/// </summary>
public sealed record FormatRule(
    int StartRow, int? EndRow, int StartColumn, int? EndColumn, NumberFormat Format, long Stamp)
{
    public bool Covers(int row, int column) =>
        row >= StartRow && (EndRow is null || row < EndRow) &&
        column >= StartColumn && (EndColumn is null || column < EndColumn);
}

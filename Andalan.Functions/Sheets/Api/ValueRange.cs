namespace Andalan.Functions.Sheets.Api;

/// <summary>A ValueRange as values.get and values.batchGet answer it; cells are numbers, strings or booleans.</summary>
internal sealed record ValueRange(
    string? Range, string? MajorDimension, IReadOnlyList<IReadOnlyList<CellValue>>? Values)
{
    public IReadOnlyList<IReadOnlyList<CellValue>> Rows => Values ?? [];
}

namespace Andalan.Functions.Sheets.Api;

internal sealed record UpdateValuesResponse(
    string? UpdatedRange, int UpdatedRows, int UpdatedColumns, int UpdatedCells);

namespace Andalan.Functions.Sheets.Api;

internal sealed record BatchUpdateValuesResponse(int TotalUpdatedRows, int TotalUpdatedCells);

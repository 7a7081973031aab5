namespace Andalan.Functions.Sheets.Api;

internal sealed record CellData(CellFormat UserEnteredFormat);

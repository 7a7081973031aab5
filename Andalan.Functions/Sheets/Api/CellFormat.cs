namespace Andalan.Functions.Sheets.Api;

internal sealed record CellFormat(NumberFormat NumberFormat);

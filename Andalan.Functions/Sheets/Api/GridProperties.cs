namespace Andalan.Functions.Sheets.Api;

internal sealed record GridProperties(int? RowCount = null, int? ColumnCount = null, int? FrozenRowCount = null);

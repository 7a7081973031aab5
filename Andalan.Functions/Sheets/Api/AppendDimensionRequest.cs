namespace Andalan.Functions.Sheets.Api;

/// <summary>Adds rows or columns at the end of a tab's grid; dimension is ROWS or COLUMNS.</summary>
internal sealed record AppendDimensionRequest(int SheetId, string Dimension, int Length);

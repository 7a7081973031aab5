namespace Andalan.Functions.Sheets;

/// <summary>A run of adjacent changed cells in one row of the tab (0-based) and their new values.</summary>
internal sealed record CellChange(int Row, int Column, IReadOnlyList<object> Values);

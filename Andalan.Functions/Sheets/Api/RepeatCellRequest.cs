namespace Andalan.Functions.Sheets.Api;

/// <summary>Sets the <see cref="Fields"/> of every cell in the range to those of <see cref="Cell"/>.</summary>
internal sealed record RepeatCellRequest(GridRange Range, CellData Cell, string Fields);

namespace Andalan.Functions.Sheets.Api;

/// <summary>A range by sheet id and 0-based, end-exclusive indexes; a null end runs to the edge of the grid.</summary>
internal sealed record GridRange(
    int SheetId,
    int? StartRowIndex = null,
    int? EndRowIndex = null,
    int? StartColumnIndex = null,
    int? EndColumnIndex = null);

namespace Andalan.Functions.Sheets.Api;

/// <summary>One request of spreadsheets.batchUpdate; exactly one member is set.</summary>
internal sealed record SheetsRequest(
    AddSheetRequest? AddSheet = null,
    UpdateSheetPropertiesRequest? UpdateSheetProperties = null,
    RepeatCellRequest? RepeatCell = null,
    AppendDimensionRequest? AppendDimension = null);

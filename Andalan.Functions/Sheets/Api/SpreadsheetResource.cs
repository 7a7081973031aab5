namespace Andalan.Functions.Sheets.Api;

/// <summary>The parts of the Spreadsheet resource the sync asks for with a field mask.</summary>
internal sealed record SpreadsheetResource(
    string? SpreadsheetId, SpreadsheetProperties? Properties, IReadOnlyList<SheetResource>? Sheets);

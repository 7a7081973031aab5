namespace Andalan.Functions.Sheets.Api;

internal sealed record BatchUpdateSpreadsheetRequest(IReadOnlyList<SheetsRequest> Requests);

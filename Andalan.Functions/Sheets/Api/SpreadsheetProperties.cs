namespace Andalan.Functions.Sheets.Api;

internal sealed record SpreadsheetProperties(string? Title);

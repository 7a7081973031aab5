namespace Andalan.Functions.Sheets.Api;

internal sealed record BatchGetValuesResponse(string? SpreadsheetId, IReadOnlyList<ValueRange>? ValueRanges);

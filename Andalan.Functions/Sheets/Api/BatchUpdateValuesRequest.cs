namespace Andalan.Functions.Sheets.Api;

internal sealed record BatchUpdateValuesRequest(string ValueInputOption, IReadOnlyList<ValueRangeInput> Data);

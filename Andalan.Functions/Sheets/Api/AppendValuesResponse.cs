namespace Andalan.Functions.Sheets.Api;

/// <summary>values.append's answer: the table it found and where the rows went.</summary>
internal sealed record AppendValuesResponse(string? TableRange, UpdateValuesResponse? Updates);

namespace Andalan.Sandbox.Sheets;

/// <summary>An AppendValuesResponse: the table found (if any) and where the rows went.</summary>
public sealed record AppendResult(string? TableRange, WriteResult Updates);

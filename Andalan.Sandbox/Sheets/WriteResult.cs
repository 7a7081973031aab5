namespace Andalan.Sandbox.Sheets;

/// <summary>An UpdateValuesResponse: the range written and how much of it.</summary>
public sealed record WriteResult(string UpdatedRange, int UpdatedRows, int UpdatedColumns, int UpdatedCells);

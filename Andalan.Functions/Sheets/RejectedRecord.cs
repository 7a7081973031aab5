namespace Andalan.Functions.Sheets;

/// <summary>A record the sync did not write, with where it came from and why.</summary>
public sealed record RejectedRecord(int SourceRow, string Key, string Reason);

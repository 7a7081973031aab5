namespace Andalan.Functions.Storage;

/// <summary>One export's outcome within a run's history entry: counts, attempts and the error, no record data.</summary>
public sealed record RunExportRecord(
    string Export,
    bool Succeeded,
    int RowsRead,
    int NewRows,
    int Updated,
    int Unchanged,
    int Rejected,
    int Attempts,
    TimeSpan Duration,
    string? Error = null,
    IReadOnlyList<string>? Files = null);

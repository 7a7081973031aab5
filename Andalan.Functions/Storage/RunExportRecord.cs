namespace Andalan.Functions.Storage;

/// <summary>One export's outcome within a run's history entry: counts, attempts and the error, no record data.</summary>
/// <param name="Files">Archive names of everything the export left in the archive: the download and any evidence.</param>
/// <param name="Retries">The failed attempts, in order, including a final one; null or empty when none failed.</param>
/// <param name="Evidence">The archive names among <paramref name="Files"/> that are failure evidence.</param>
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
    IReadOnlyList<string>? Files = null,
    IReadOnlyList<RunAttemptRecord>? Retries = null,
    IReadOnlyList<string>? Evidence = null);

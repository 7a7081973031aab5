namespace Andalan.Functions.Workflow;

/// <summary>The result of one import attempt: extract, validate and sync of one archived file.</summary>
/// <param name="Warnings">Things a person should know that did not stop the import (unknown columns, a key twice in the tab).</param>
public sealed record ImportOutcome(
    bool Succeeded,
    int RowsRead,
    int New,
    int Updated,
    int Unchanged,
    int Rejected,
    int ApiCalls,
    double Seconds,
    string? Error = null,
    bool Retryable = false,
    IReadOnlyList<string>? Warnings = null) : IStepOutcome
{
    /// <summary>Pages of a PDF read (1 for an xlsx sheet).</summary>
    public int Pages { get; init; }

    /// <summary>Seconds spent reading the file into records.</summary>
    public double ReadSeconds { get; init; }

    /// <summary>Seconds spent syncing the records into the sheet.</summary>
    public double SyncSeconds { get; init; }

    public static ImportOutcome Failed(string error, bool retryable, double seconds = 0) =>
        new(false, 0, 0, 0, 0, 0, 0, seconds, error, retryable);
}

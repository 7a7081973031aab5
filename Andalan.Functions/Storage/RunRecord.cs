namespace Andalan.Functions.Storage;

/// <summary>A run's entry in the history: written when it starts and again when it ends.</summary>
/// <param name="RunId">The run's id (the orchestration's instance id).</param>
/// <param name="Trigger">What started it: timer, manual, cli.</param>
/// <param name="StartedAt">When it started; with the id, it fixes the entry's place in the table.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="EndedAt">When it ended; null while running.</param>
/// <param name="Exports">Each export's outcome so far.</param>
/// <param name="DryRun">True when the sheets were not written.</param>
/// <param name="ExportsTruncated">True when errors were shortened to fit the table's property limit.</param>
public sealed record RunRecord(
    string RunId,
    string Trigger,
    DateTimeOffset StartedAt,
    RunStatus Status,
    DateTimeOffset? EndedAt = null,
    IReadOnlyList<RunExportRecord>? Exports = null,
    bool DryRun = false,
    bool ExportsTruncated = false)
{
    public TimeSpan? Duration => EndedAt - StartedAt;
}

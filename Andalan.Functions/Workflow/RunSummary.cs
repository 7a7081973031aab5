namespace Andalan.Functions.Workflow;

/// <summary>How a whole run went: what the history keeps, the report says and the run verb prints.</summary>
public sealed record RunSummary(
    string RunId,
    string Trigger,
    bool DryRun,
    DateTimeOffset StartedAt,
    DateTimeOffset EndedAt,
    IReadOnlyList<ExportResult> Exports)
{
    public int Succeeded => Exports.Count(e => e.Succeeded);

    public int Failed => Exports.Count - Succeeded;

    public bool AllSucceeded => Failed == 0;

    public TimeSpan Duration => EndedAt - StartedAt;

    /// <summary>Succeeded exports as a share of all, 0 to 1.</summary>
    public double SuccessRate => Exports.Count == 0 ? 1 : (double)Succeeded / Exports.Count;
}

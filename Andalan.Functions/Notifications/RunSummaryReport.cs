namespace Andalan.Functions.Notifications;

/// <summary>The end-of-run summary: every export's final result and where to look at the run.</summary>
/// <param name="RunId">The run's id.</param>
/// <param name="StartedAt">When the run started.</param>
/// <param name="Duration">How long the whole run took.</param>
/// <param name="Exports">Each export's final result (its last attempt).</param>
/// <param name="StatusUrl">Where the run's status can be seen (the status endpoint); null when there is none.</param>
public sealed record RunSummaryReport(
    string RunId, DateTimeOffset StartedAt, TimeSpan Duration, IReadOnlyList<ExportReport> Exports,
    Uri? StatusUrl = null)
{
    public int SucceededCount => Exports.Count(e => e.Succeeded);

    /// <summary>The share of exports that succeeded, 0 to 1; 0 for a run without exports.</summary>
    public double SuccessRate => Exports.Count == 0 ? 0 : (double)SucceededCount / Exports.Count;
}

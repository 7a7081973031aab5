namespace Andalan.Functions.Workflow;

/// <summary>
/// What one run does. Everything the orchestration needs from settings travels here, because an
/// orchestrator may not read configuration or the clock itself.
/// </summary>
/// <param name="RunId">The run's id: the archive folder, the history row and what operators quote.</param>
/// <param name="Trigger">What started it: <c>timer</c>, <c>manual</c> or <c>cli</c>.</param>
/// <param name="Exports">The exports to run, in order.</param>
/// <param name="DryRun">When true, the sheets are read and the plan is reported, but nothing is written.</param>
/// <param name="Retry">How failing steps are retried.</param>
/// <param name="Slot">For a scheduled run, the schedule slot it serves (one run per slot).</param>
public sealed record RunRequest(
    string RunId,
    string Trigger,
    IReadOnlyList<string> Exports,
    bool DryRun,
    RetryPolicy Retry,
    string? Slot = null);

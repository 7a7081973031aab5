namespace Andalan.Functions.Notifications;

/// <summary>What the start-of-run message says.</summary>
/// <param name="RunId">The run's id, as the status endpoint and the archive know it.</param>
/// <param name="Trigger">What started it: "timer", "manual", "cli" or another word, shown as given.</param>
/// <param name="Exports">The exports the run will do, by name.</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="DryRun">True when the sheets are not written.</param>
public sealed record RunStartedNotice(
    string RunId, string Trigger, IReadOnlyList<string> Exports, DateTimeOffset StartedAt, bool DryRun = false);

namespace Andalan.Functions.Workflow;

/// <summary>
/// What the run workflow may do: call a step, wait, read the clock and report progress. The Durable
/// orchestration and the <c>run</c> verb each provide one, so both run the same workflow code.
/// Implementations keep the orchestration's rules: the clock is the orchestration's, waits are durable timers.
/// </summary>
public interface IRunContext
{
    /// <summary>The current time as the orchestration knows it (replay-safe).</summary>
    DateTimeOffset Now { get; }

    /// <summary>Calls a step (an activity) by name; throws <see cref="StepFailedException"/> when it throws.</summary>
    Task<TResult> CallAsync<TResult>(string step, object input);

    /// <summary>Waits before a retry.</summary>
    Task DelayAsync(TimeSpan delay);

    /// <summary>Publishes progress (the orchestration's custom status; a line on stderr for the run verb).</summary>
    void ReportProgress(RunProgress progress);
}

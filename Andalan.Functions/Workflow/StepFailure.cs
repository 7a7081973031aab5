namespace Andalan.Functions.Workflow;

/// <summary>One failed attempt of a step, kept in the run's retry history.</summary>
/// <param name="Step">download or import.</param>
/// <param name="RetryFollows">True when another attempt was made after this one.</param>
/// <param name="Evidence">Archive names of the attempt's failure evidence, so a recovered export still links them.</param>
public sealed record StepFailure(
    string Step, int Attempt, string Error, bool RetryFollows, IReadOnlyList<string>? Evidence = null);

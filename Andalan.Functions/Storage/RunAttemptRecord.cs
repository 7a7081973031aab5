namespace Andalan.Functions.Storage;

/// <summary>One failed attempt of an export's step, as the run history keeps it.</summary>
/// <param name="Step">download or import.</param>
/// <param name="Attempt">Which attempt of that step, from 1.</param>
/// <param name="Error">What went wrong, in the words the step reported.</param>
/// <param name="RetryFollows">True when another attempt was made after this one.</param>
public sealed record RunAttemptRecord(string Step, int Attempt, string Error, bool RetryFollows);

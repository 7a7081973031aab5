namespace Andalan.Functions.Workflow;

/// <summary>Attempts per step and the backoff between them: first delay, then multiplied by the factor.</summary>
public sealed record RetryPolicy(int MaxAttempts, double FirstDelaySeconds, double BackoffFactor)
{
    public static readonly RetryPolicy Default = new(3, 10, 3);

    /// <summary>The wait before attempt <paramref name="nextAttempt"/> (2 or more).</summary>
    public TimeSpan DelayBefore(int nextAttempt) =>
        TimeSpan.FromSeconds(FirstDelaySeconds * Math.Pow(BackoffFactor, Math.Max(0, nextAttempt - 2)));
}

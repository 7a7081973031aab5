using Andalan.Functions.Storage;

namespace Andalan.Functions.Workflow;

/// <summary>The result of one download attempt.</summary>
/// <param name="Evidence">Archive names of a failure's screenshot and page HTML.</param>
public sealed record DownloadOutcome(
    bool Succeeded,
    ArchivedFile? File,
    double Seconds,
    string? Error = null,
    bool Retryable = false,
    IReadOnlyList<string>? Evidence = null) : IStepOutcome
{
    /// <summary>Seconds of <see cref="Seconds"/> spent starting the browser (0 when it was running).</summary>
    public double BrowserStartSeconds { get; init; }

    /// <summary>Seconds of <see cref="Seconds"/> spent logging in (0 when the session was logged in).</summary>
    public double LoginSeconds { get; init; }

    public static DownloadOutcome Failed(
        string error, bool retryable, double seconds = 0, IReadOnlyList<string>? evidence = null) =>
        new(false, null, seconds, error, retryable, evidence);
}

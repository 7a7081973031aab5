using Andalan.Functions.Storage;

namespace Andalan.Functions.Workflow;

/// <summary>The names of the run's steps: the activities the orchestration calls.</summary>
public static class RunSteps
{
    public const string DownloadExport = nameof(DownloadExport);
    public const string ImportExport = nameof(ImportExport);

    /// <summary>The run has no more downloads to make; its input is the run's id.</summary>
    public const string ReleaseBrowser = nameof(ReleaseBrowser);

    public const string NotifyRunStarted = nameof(NotifyRunStarted);
    public const string NotifyStepFailed = nameof(NotifyStepFailed);
    public const string NotifyExportFailed = nameof(NotifyExportFailed);
    public const string NotifyRunFinished = nameof(NotifyRunFinished);
    public const string RecordRunStarted = nameof(RecordRunStarted);
    public const string RecordRun = nameof(RecordRun);
}

/// <summary>Input of <see cref="RunSteps.DownloadExport"/>.</summary>
public sealed record DownloadInput(string RunId, string Export, int Attempt);

/// <summary>Input of <see cref="RunSteps.ImportExport"/>: the archived file, never its contents.</summary>
public sealed record ImportInput(string RunId, string Export, ArchivedFile File, bool DryRun, int Attempt);

/// <summary>Input of <see cref="RunSteps.RecordRunStarted"/> and <see cref="RunSteps.NotifyRunStarted"/>.</summary>
public sealed record RunStartedInput(RunRequest Request, DateTimeOffset StartedAt);

/// <summary>Input of <see cref="RunSteps.NotifyStepFailed"/>: one failed attempt and whether a retry follows.</summary>
public sealed record StepFailedInput(
    string RunId, string Export, string Step, int Attempt, int MaxAttempts, string Error, bool RetryFollows,
    double RetryInSeconds);

/// <summary>Input of <see cref="RunSteps.NotifyExportFailed"/>.</summary>
public sealed record ExportFailedInput(string RunId, bool DryRun, ExportResult Result);

using Microsoft.Azure.Functions.Worker;

namespace Andalan.Functions.Workflow;

/// <summary>The run's steps as Durable Functions activities; each only hands over to <see cref="RunActivities"/>.</summary>
internal sealed class RunActivityFunctions(RunActivities activities)
{
    [Function(RunSteps.DownloadExport)]
    public Task<DownloadOutcome> DownloadExportAsync([ActivityTrigger] DownloadInput input, CancellationToken cancellationToken) =>
        activities.DownloadAsync(input, cancellationToken);

    [Function(RunSteps.ImportExport)]
    public Task<ImportOutcome> ImportExportAsync([ActivityTrigger] ImportInput input, CancellationToken cancellationToken) =>
        activities.ImportAsync(input, cancellationToken);

    [Function(RunSteps.ReleaseBrowser)]
    public Task<bool> ReleaseBrowserAsync([ActivityTrigger] string runId) => activities.ReleaseBrowserAsync(runId);

    [Function(RunSteps.RecordRunStarted)]
    public Task<bool> RecordRunStartedAsync([ActivityTrigger] RunStartedInput input, CancellationToken cancellationToken) =>
        activities.RecordRunStartedAsync(input, cancellationToken);

    [Function(RunSteps.NotifyRunStarted)]
    public Task<bool> NotifyRunStartedAsync([ActivityTrigger] RunStartedInput input, CancellationToken cancellationToken) =>
        activities.NotifyRunStartedAsync(input, cancellationToken);

    [Function(RunSteps.NotifyStepFailed)]
    public Task<bool> NotifyStepFailedAsync([ActivityTrigger] StepFailedInput input, CancellationToken cancellationToken) =>
        activities.NotifyStepFailedAsync(input, cancellationToken);

    [Function(RunSteps.NotifyExportFailed)]
    public Task<bool> NotifyExportFailedAsync([ActivityTrigger] ExportFailedInput input, CancellationToken cancellationToken) =>
        activities.NotifyExportFailedAsync(input, cancellationToken);

    [Function(RunSteps.RecordRun)]
    public Task<bool> RecordRunAsync([ActivityTrigger] RunSummary summary, CancellationToken cancellationToken) =>
        activities.RecordRunAsync(summary, cancellationToken);

    [Function(RunSteps.NotifyRunFinished)]
    public Task<bool> NotifyRunFinishedAsync([ActivityTrigger] RunSummary summary, CancellationToken cancellationToken) =>
        activities.NotifyRunFinishedAsync(summary, cancellationToken);
}

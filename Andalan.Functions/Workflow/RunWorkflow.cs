namespace Andalan.Functions.Workflow;

/// <summary>
/// One run, step by step: report the start; download every export into the archive, then release the browser,
/// then import each from the archive; each step has its own retries, and one export failing never stops the
/// others; then record the run and report the summary. Downloads and imports are kept apart so that Chromium
/// and its driver are gone before the imports (large PDFs, big sheets) take their memory: the run's peak is the
/// larger of the two phases, not their sum. It must stay deterministic: everything it knows comes from the
/// request, the context's clock and the steps' outcomes.
/// </summary>
public static class RunWorkflow
{
    public static async Task<RunSummary> ExecuteAsync(IRunContext context, RunRequest request)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        var startedAt = context.Now;
        var progress = new Progress(context, request);
        progress.Report("started");
        await context.CallAsync<bool>(RunSteps.RecordRunStarted, new RunStartedInput(request, startedAt));
        await context.CallAsync<bool>(RunSteps.NotifyRunStarted, new RunStartedInput(request, startedAt));

        var downloads = await Task.WhenAll(request.Exports.Select(export => DownloadAsync(context, request, export)));
        await ReleaseBrowserAsync(context, request.RunId);
        var results = await Task.WhenAll(downloads.Select(async downloaded =>
        {
            var result = await ImportAsync(context, request, downloaded);
            if (!result.Succeeded)
            {
                // A failure is reported as it happens; a success only in the run's summary, so a good run is two
                // messages and the group stays well inside Telegram's twenty messages a minute.
                await context.CallAsync<bool>(
                    RunSteps.NotifyExportFailed, new ExportFailedInput(request.RunId, request.DryRun, result));
            }

            progress.Done(result.Export);

            return result;
        }));

        var summary = new RunSummary(request.RunId, request.Trigger, request.DryRun, startedAt, context.Now, results);
        await context.CallAsync<bool>(RunSteps.RecordRun, summary);
        await context.CallAsync<bool>(RunSteps.NotifyRunFinished, summary);

        return summary;
    }

    /// <summary>An export's download with its retries, and how long they took.</summary>
    private static async Task<Downloaded> DownloadAsync(IRunContext context, RunRequest request, string export)
    {
        var startedAt = context.Now;
        var failures = new List<StepFailure>();
        var download = await WithRetriesAsync(
            context, request, export, "download", failures,
            attempt => context.CallAsync<DownloadOutcome>(
                RunSteps.DownloadExport, new DownloadInput(request.RunId, export, attempt)),
            error => DownloadOutcome.Failed(error, retryable: true));

        return new Downloaded(export, download, failures, (context.Now - startedAt).TotalSeconds);
    }

    /// <summary>
    /// Imports a downloaded export with its retries. The export's time is its own steps' (with their retries),
    /// not the wait for the other exports' downloads.
    /// </summary>
    private static async Task<ExportResult> ImportAsync(IRunContext context, RunRequest request, Downloaded downloaded)
    {
        var (export, download, failures, seconds) = downloaded;
        if (!download.Succeeded || download.File is not { } file)
        {
            return new ExportResult(export, false, download, null, failures, seconds);
        }

        var startedAt = context.Now;
        var import = await WithRetriesAsync(
            context, request, export, "import", failures,
            attempt => context.CallAsync<ImportOutcome>(
                RunSteps.ImportExport, new ImportInput(request.RunId, export, file, request.DryRun, attempt)),
            error => ImportOutcome.Failed(error, retryable: true));

        return new ExportResult(
            export, import.Succeeded, download, import, failures, seconds + (context.Now - startedAt).TotalSeconds);
    }

    /// <summary>
    /// Closes the browser now that the run has no more downloads. Should the step fail, the browser still
    /// closes once it has been idle for its timeout; the run's outcome does not depend on it.
    /// </summary>
    private static async Task ReleaseBrowserAsync(IRunContext context, string runId)
    {
        try
        {
            await context.CallAsync<bool>(RunSteps.ReleaseBrowser, runId);
        }
        catch (StepFailedException)
        {
            // Reported by the step itself where it failed; nothing here can do better than the idle timeout.
        }
    }

    /// <summary>
    /// Runs a step until it succeeds, fails for good, or runs out of attempts. A step that throws is treated as
    /// a retryable failure; a failed attempt that is retried is reported as such.
    /// </summary>
    private static async Task<TOutcome> WithRetriesAsync<TOutcome>(
        IRunContext context, RunRequest request, string export, string step, List<StepFailure> failures,
        Func<int, Task<TOutcome>> attemptAsync, Func<string, TOutcome> fromException)
        where TOutcome : IStepOutcome
    {
        var maxAttempts = Math.Max(1, request.Retry.MaxAttempts);
        for (var attempt = 1; ; attempt++)
        {
            TOutcome outcome;
            try
            {
                outcome = await attemptAsync(attempt);
            }
            catch (StepFailedException failure)
            {
                outcome = fromException(failure.Message);
            }

            if (outcome.Succeeded)
            {
                return outcome;
            }

            var retryFollows = outcome.Retryable && attempt < maxAttempts;
            var delay = retryFollows ? request.Retry.DelayBefore(attempt + 1) : TimeSpan.Zero;
            var error = outcome.Error ?? "unknown error";
            failures.Add(new StepFailure(step, attempt, error, retryFollows, outcome.Evidence));
            if (!retryFollows)
            {
                // The export's final report tells of this failure; no separate message.
                return outcome;
            }

            await context.CallAsync<bool>(RunSteps.NotifyStepFailed, new StepFailedInput(
                request.RunId, export, step, attempt, maxAttempts, error, retryFollows, delay.TotalSeconds));
            await context.DelayAsync(delay);
        }
    }

    /// <summary>An export whose download phase is over, successful or not.</summary>
    private sealed record Downloaded(string Export, DownloadOutcome Download, List<StepFailure> Failures, double Seconds);

    /// <summary>The run's progress: how many exports are finished, out of how many.</summary>
    private sealed class Progress(IRunContext context, RunRequest request)
    {
        private int _done;

        public void Report(string current) => Report(Volatile.Read(ref _done), current);

        public void Done(string export) => Report(Interlocked.Increment(ref _done), export);

        private void Report(int done, string current) =>
            context.ReportProgress(new RunProgress(request.RunId, done, request.Exports.Count, current));
    }
}

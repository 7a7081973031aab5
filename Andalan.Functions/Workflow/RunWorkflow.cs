namespace Andalan.Functions.Workflow;

/// <summary>
/// One run, step by step: report the start; for each export, download it into the archive and import it
/// from there, each with its own retries; one export failing never stops the others; then record the run
/// and report the summary. It must stay deterministic: everything it knows comes from the request, the
/// context's clock and the steps' outcomes.
/// </summary>
public static class RunWorkflow
{
    public static async Task<RunSummary> ExecuteAsync(IRunContext context, RunRequest request)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        var startedAt = context.Now;
        context.ReportProgress(new RunProgress(request.RunId, 0, request.Exports.Count, "started"));
        await context.CallAsync<bool>(RunSteps.RecordRunStarted, new RunStartedInput(request, startedAt));
        await context.CallAsync<bool>(RunSteps.NotifyRunStarted, new RunStartedInput(request, startedAt));

        var done = 0;
        var results = await Task.WhenAll(request.Exports.Select(async export =>
        {
            var result = await RunExportAsync(context, request, export);
            var finished = Interlocked.Increment(ref done);
            context.ReportProgress(new RunProgress(request.RunId, finished, request.Exports.Count, export));

            return result;
        }));

        var summary = new RunSummary(request.RunId, request.Trigger, request.DryRun, startedAt, context.Now, results);
        await context.CallAsync<bool>(RunSteps.RecordRun, summary);
        await context.CallAsync<bool>(RunSteps.NotifyRunFinished, summary);

        return summary;
    }

    private static async Task<ExportResult> RunExportAsync(IRunContext context, RunRequest request, string export)
    {
        var startedAt = context.Now;
        var failures = new List<StepFailure>();

        var download = await WithRetriesAsync(
            context, request, export, "download", failures,
            attempt => context.CallAsync<DownloadOutcome>(
                RunSteps.DownloadExport, new DownloadInput(request.RunId, export, attempt)),
            error => DownloadOutcome.Failed(error, retryable: true));

        ImportOutcome? import = null;
        if (download.Succeeded && download.File is { } file)
        {
            import = await WithRetriesAsync(
                context, request, export, "import", failures,
                attempt => context.CallAsync<ImportOutcome>(
                    RunSteps.ImportExport, new ImportInput(request.RunId, export, file, request.DryRun, attempt)),
                error => ImportOutcome.Failed(error, retryable: true));
        }

        var result = new ExportResult(
            export, import?.Succeeded == true, download, import, failures, (context.Now - startedAt).TotalSeconds);
        // A failure is reported as it happens; a success only in the run's summary, so a good run is two messages
        // and the group stays well inside Telegram's twenty messages a minute.
        if (!result.Succeeded)
        {
            await context.CallAsync<bool>(
                RunSteps.NotifyExportFailed, new ExportFailedInput(request.RunId, request.DryRun, result));
        }

        return result;
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
}

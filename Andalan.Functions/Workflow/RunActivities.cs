using System.Diagnostics;
using Andalan.Functions.Backend;
using Andalan.Functions.Documents;
using Andalan.Functions.Exports;
using Andalan.Functions.Notifications;
using Andalan.Functions.Sheets;
using Andalan.Functions.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Andalan.Functions.Workflow;

/// <summary>
/// The run's steps. Each takes a small input and returns an outcome: expected failures (a refused login, a
/// bad file, a refused sheet) come back as outcomes that say whether a retry can help; anything else throws
/// and the workflow treats it as retryable. Files travel between steps only as archive references.
/// </summary>
internal sealed partial class RunActivities(
    ExportCatalog catalog,
    IExportDownloader downloader,
    DocumentReader documents,
    SheetSync sheets,
    ExportArchive archive,
    RunHistory history,
    RunNotifier notifier,
    IOptions<RunOptions> options,
    TimeProvider time,
    ILogger<RunActivities> logger)
{
    /// <summary>Calls a step by its name; the run verb's in-process context uses this.</summary>
    public async Task<object> InvokeAsync(string step, object input, CancellationToken cancellationToken) => step switch
    {
        RunSteps.DownloadExport => await DownloadAsync((DownloadInput)input, cancellationToken),
        RunSteps.ImportExport => await ImportAsync((ImportInput)input, cancellationToken),
        RunSteps.ReleaseBrowser => await ReleaseBrowserAsync((string)input),
        RunSteps.RecordRunStarted => await RecordRunStartedAsync((RunStartedInput)input, cancellationToken),
        RunSteps.NotifyRunStarted => await NotifyRunStartedAsync((RunStartedInput)input, cancellationToken),
        RunSteps.NotifyStepFailed => await NotifyStepFailedAsync((StepFailedInput)input, cancellationToken),
        RunSteps.NotifyExportFailed => await NotifyExportFailedAsync((ExportFailedInput)input, cancellationToken),
        RunSteps.RecordRun => await RecordRunAsync((RunSummary)input, cancellationToken),
        RunSteps.NotifyRunFinished => await NotifyRunFinishedAsync((RunSummary)input, cancellationToken),
        _ => throw new ArgumentException($"There is no run step named '{step}'.", nameof(step)),
    };

    /// <summary>Downloads an export through the browser and keeps the file in the archive.</summary>
    public async Task<DownloadOutcome> DownloadAsync(DownloadInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var export = catalog.Get(input.Export);
        var started = time.GetTimestamp();
        var folder = Directory.CreateTempSubdirectory($"andalan-{input.Export}-");
        LogDownloadStarting(logger, input.RunId, export.Name, input.Attempt);
        try
        {
            var file = await downloader.DownloadAsync(export, folder.FullName, cancellationToken);
            var archived = await archive.StoreFileAsync(
                input.RunId, export.Name, file.Path, file.ContentType, ArchivedFileKind.Download, cancellationToken);
            LogDownloaded(logger, input.RunId, export.Name, file.Size, file.Duration.TotalSeconds);

            return new DownloadOutcome(true, archived, time.GetElapsedTime(started).TotalSeconds)
            {
                BrowserStartSeconds = file.BrowserStart.TotalSeconds,
                LoginSeconds = file.Login.TotalSeconds,
            };
        }
        catch (BackendException failure)
        {
            LogDownloadFailed(logger, failure, input.RunId, export.Name, failure.Kind, failure.IsRetryable);
            var evidence = await ArchiveEvidenceAsync(input.RunId, export.Name, failure.Evidence, cancellationToken);

            // The evidence's local paths are gone once this step ends; operators find it in the archive.
            var error = evidence.Count == 0
                ? failure.Reason
                : $"{failure.Reason} Evidence in the archive: {string.Join(", ", evidence)}.";

            return DownloadOutcome.Failed(
                error, failure.IsRetryable, time.GetElapsedTime(started).TotalSeconds, evidence);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Closes the browser once the run has no more downloads to make: the imports that follow (large PDFs, big
    /// sheets) then have the memory Chromium and its driver held.
    /// </summary>
    public async Task<bool> ReleaseBrowserAsync(string runId)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        await downloader.ReleaseAsync();

        return true;
    }

    /// <summary>Reads the archived file into records and syncs them into the export's tab.</summary>
    public async Task<ImportOutcome> ImportAsync(ImportInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var export = catalog.Get(input.Export);
        var started = time.GetTimestamp();
        var folder = Directory.CreateTempSubdirectory($"andalan-{input.Export}-");
        try
        {
            var path = Path.Combine(folder.FullName, input.File.FileName);
            await archive.DownloadToAsync(input.File, path, cancellationToken);
            var reading = time.GetTimestamp();
            var extraction = await Task.Run(() => documents.Read(path, export, cancellationToken), cancellationToken);
            var readSeconds = time.GetElapsedTime(reading).TotalSeconds;
            LogExtracted(
                logger, input.RunId, export.Name, extraction.Records.Count, extraction.RowsRejected, extraction.Pages);

            var syncing = time.GetTimestamp();
            var sync = await sheets.SyncAsync(export, extraction.Records, input.DryRun, cancellationToken);
            var syncSeconds = time.GetElapsedTime(syncing).TotalSeconds;
            var warnings = extraction.Warnings
                .Concat(extraction.Rejected.Take(20).Select(r => $"row {r.Row} rejected: {r.Reason}"))
                .Concat(sync.DuplicateKeysInTab.Take(20).Select(k => $"the tab {export.Tab} holds key {k} more than once"))
                .ToList();

            return new ImportOutcome(
                true, extraction.RowsRead, sync.New, sync.Changed, sync.Unchanged, extraction.RowsRejected + sync.Rejected,
                sync.ApiCalls, time.GetElapsedTime(started).TotalSeconds, Warnings: warnings)
            {
                Pages = extraction.Pages,
                ReadSeconds = readSeconds,
                SyncSeconds = syncSeconds,
            };
        }
        catch (Exception failure) when (ImportFailure(failure) is { } known)
        {
            LogImportFailed(logger, failure, input.RunId, export.Name, known.Retryable);

            return ImportOutcome.Failed(failure.Message, known.Retryable, time.GetElapsedTime(started).TotalSeconds);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    public async Task<bool> RecordRunStartedAsync(RunStartedInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        await history.SaveAsync(new RunRecord(
            input.Request.RunId, input.Request.Trigger, input.StartedAt, RunStatus.Running, DryRun: input.Request.DryRun),
            cancellationToken);

        return true;
    }

    public async Task<bool> RecordRunAsync(RunSummary summary, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var status = summary.AllSucceeded ? RunStatus.Succeeded
            : summary.Succeeded == 0 ? RunStatus.Failed
            : RunStatus.PartlyFailed;
        var exports = summary.Exports.Select(e => new RunExportRecord(
            e.Export, e.Succeeded, e.Import?.RowsRead ?? 0, e.Import?.New ?? 0, e.Import?.Updated ?? 0,
            e.Import?.Unchanged ?? 0, e.Import?.Rejected ?? 0, Attempts(e), TimeSpan.FromSeconds(e.Seconds), e.Error,
            Files(e), Retries(e), Evidence(e) is { Count: > 0 } evidence ? evidence : null)).ToList();
        await history.SaveAsync(
            new RunRecord(summary.RunId, summary.Trigger, summary.StartedAt, status, summary.EndedAt, exports, summary.DryRun),
            cancellationToken);

        var cleanup = await archive.DeleteExpiredAsync(cancellationToken);
        LogRunRecorded(logger, summary.RunId, status, cleanup.RunsDeleted);

        return true;
    }

    public async Task<bool> NotifyRunStartedAsync(RunStartedInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var request = input.Request;

        return await NotifySafelyAsync(input.Request.RunId, () => notifier.ReportRunStartedAsync(
            new RunStartedNotice(request.RunId, request.Trigger, request.Exports, input.StartedAt, request.DryRun), cancellationToken));
    }

    public async Task<bool> NotifyStepFailedAsync(StepFailedInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var tab = catalog.TryGet(input.Export, out var export) ? export.Tab : input.Export;

        return await NotifySafelyAsync(input.RunId, () => notifier.ReportExportAsync(
            input.RunId,
            new ExportReport(input.Export, tab, false, 0, 0, 0, 0, 0, TimeSpan.Zero,
                $"{input.Step}: {input.Error}", input.RetryFollows, input.Attempt),
            cancellationToken));
    }

    /// <summary>Reports an export that failed for good as soon as it has, with its cause.</summary>
    public async Task<bool> NotifyExportFailedAsync(ExportFailedInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);

        return await NotifySafelyAsync(
            input.RunId, () => notifier.ReportExportAsync(input.RunId, Report(input.Result), cancellationToken));
    }

    public async Task<bool> NotifyRunFinishedAsync(RunSummary summary, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var statusUrl = options.Value.PublicBaseUrl is { } baseUrl ? new Uri(baseUrl, $"api/runs/{summary.RunId}") : null;
        return await NotifySafelyAsync(summary.RunId, () => notifier.ReportRunSummaryAsync(
            new RunSummaryReport(summary.RunId, summary.StartedAt, summary.Duration, [.. summary.Exports.Select(Report)], statusUrl),
            cancellationToken));
    }

    /// <summary>
    /// Sends a report to every enabled channel; whatever happens, the run goes on. The notifier already turns
    /// an outage or a failing channel into an undelivered result; this also covers what nobody expected.
    /// </summary>
    private async Task<bool> NotifySafelyAsync(string runId, Func<Task<IReadOnlyList<ChannelDelivery>>> sendAsync)
    {
        try
        {
            return RunNotifier.AllDelivered(await sendAsync());
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogNotifyFailed(logger, e, runId);

            return false;
        }
    }

    private ExportReport Report(ExportResult result)
    {
        var tab = catalog.TryGet(result.Export, out var export) ? export.Tab : result.Export;
        var import = result.Import;

        return new ExportReport(
            result.Export, tab, result.Succeeded, import?.RowsRead ?? 0, import?.New ?? 0, import?.Updated ?? 0,
            import?.Unchanged ?? 0, import?.Rejected ?? 0, TimeSpan.FromSeconds(result.Seconds), result.Error,
            RetryFollows: false, Attempts(result));
    }

    private static int Attempts(ExportResult result) => result.Failures.Count + (result.Succeeded ? 1 : 0);

    private static List<RunAttemptRecord>? Retries(ExportResult result) => result.Failures.Count == 0
        ? null
        : [.. result.Failures.Select(f => new RunAttemptRecord(f.Step, f.Attempt, f.Error, f.RetryFollows))];

    private static List<string> Files(ExportResult result) =>
        [.. new[] { result.Download?.File?.BlobName }.OfType<string>().Concat(Evidence(result))];

    /// <summary>Every attempt's evidence, the retried ones' too, so a recovered export still shows what went wrong.</summary>
    private static List<string> Evidence(ExportResult result) =>
        [.. result.Failures.SelectMany(f => f.Evidence ?? [])
            .Concat(result.Download?.Evidence ?? [])
            .Distinct(StringComparer.Ordinal)];

    private async Task<IReadOnlyList<string>> ArchiveEvidenceAsync(
        string runId, string export, IReadOnlyList<string> evidence, CancellationToken cancellationToken)
    {
        var stored = new List<string>();
        foreach (var path in evidence.Where(File.Exists))
        {
            var contentType = Path.GetExtension(path) == ".png" ? "image/png" : "text/html";
            var file = await archive.StoreFileAsync(
                runId, export, path, contentType, ArchivedFileKind.Evidence, cancellationToken);
            stored.Add(file.BlobName);
        }

        return stored;
    }

    /// <summary>Import failures that are expected, and whether retrying can help; null for the unexpected.</summary>
    private static (bool Retryable, string Kind)? ImportFailure(Exception failure) => failure switch
    {
        DocumentException => (false, "document"),
        SheetsRefusedException => (false, "sheet refused"),
        SheetsApiException api => (api.IsTransient, "sheets api"),
        ArchivedFileNotFoundException or ArchiveIntegrityException => (false, "archive"),
        _ => null,
    };

    [LoggerMessage(EventId = 7101, Level = LogLevel.Information, Message = "Run {RunId}: downloading {Export} (attempt {Attempt})")]
    private static partial void LogDownloadStarting(ILogger logger, string runId, string export, int attempt);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Information,
        Message = "Run {RunId}: {Export} downloaded, {Size} bytes in {Seconds:0.0} s, archived")]
    private static partial void LogDownloaded(ILogger logger, string runId, string export, long size, double seconds);

    [LoggerMessage(EventId = 7103, Level = LogLevel.Warning,
        Message = "Run {RunId}: downloading {Export} failed ({Kind}, retryable: {Retryable})")]
    private static partial void LogDownloadFailed(
        ILogger logger, Exception exception, string runId, string export, BackendFailure kind, bool retryable);

    [LoggerMessage(EventId = 7104, Level = LogLevel.Information,
        Message = "Run {RunId}: {Export} read, {Records} records, {Rejected} rows rejected, {Pages} pages")]
    private static partial void LogExtracted(ILogger logger, string runId, string export, int records, int rejected, int pages);

    [LoggerMessage(EventId = 7105, Level = LogLevel.Warning, Message = "Run {RunId}: importing {Export} failed (retryable: {Retryable})")]
    private static partial void LogImportFailed(ILogger logger, Exception exception, string runId, string export, bool retryable);

    [LoggerMessage(EventId = 7107, Level = LogLevel.Warning, Message = "Run {RunId}: a report to the operators failed; the run goes on")]
    private static partial void LogNotifyFailed(ILogger logger, Exception exception, string runId);

    [LoggerMessage(EventId = 7106, Level = LogLevel.Information,
        Message = "Run {RunId} recorded as {Status}; {Expired} expired runs removed from the archive")]
    private static partial void LogRunRecorded(ILogger logger, string runId, RunStatus status, int expired);
}

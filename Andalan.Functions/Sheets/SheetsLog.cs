using Microsoft.Extensions.Logging;

namespace Andalan.Functions.Sheets;

/// <summary>The Sheets area's log lines (event ids 3000-3099).</summary>
internal static partial class SheetsLog
{
    [LoggerMessage(3000, LogLevel.Information,
        "Sheets sync of {Export} into tab '{Tab}' starting with {Records} records (dry run: {DryRun})")]
    public static partial void SyncStarting(ILogger logger, string export, string tab, int records, bool dryRun);

    [LoggerMessage(3001, LogLevel.Information,
        "Sheets sync of {Export} into tab '{Tab}' done: {New} new, {Changed} changed, {Unchanged} unchanged, " +
        "{Rejected} rejected, {Cells} cells written in {Calls} calls ({Retries} retries) in {ElapsedMs:0} ms")]
    public static partial void SyncFinished(
        ILogger logger, string export, string tab, int @new, int changed, int unchanged, int rejected, long cells,
        int calls, int retries, double elapsedMs);

    [LoggerMessage(
        3002, LogLevel.Warning, "Sheets {Operation} answered {StatusCode} {Status}; retry {Attempt} in {DelayMs:0} ms")]
    public static partial void Retrying(
        ILogger logger, string operation, int statusCode, string? status, double delayMs, int attempt);

    [LoggerMessage(3003, LogLevel.Error,
        "Sheets {Operation} failed with {StatusCode} {Status} after {Attempts} attempts: {ApiMessage}")]
    public static partial void CallFailed(
        ILogger logger, string operation, int statusCode, string? status, int attempts, string? apiMessage);

    [LoggerMessage(3004, LogLevel.Information, "Sheets tab '{Tab}' created with {Columns} columns and a frozen header")]
    public static partial void TabCreated(ILogger logger, string tab, int columns);

    [LoggerMessage(3005, LogLevel.Warning,
        "Sheets tab '{Tab}' already holds {Count} keys more than once, for example '{Example}'")]
    public static partial void DuplicateKeys(ILogger logger, string tab, int count, string example);

    [LoggerMessage(3006, LogLevel.Warning, "Record from source row {SourceRow} of {Export} rejected: {Reason}")]
    public static partial void RecordRejected(ILogger logger, string export, int sourceRow, string reason);

    [LoggerMessage(3007, LogLevel.Error, "Sheets sync of {Export} into tab '{Tab}' refused: {Reason}")]
    public static partial void SyncRefused(ILogger logger, string export, string tab, string reason);
}

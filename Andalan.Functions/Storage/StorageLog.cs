using Microsoft.Extensions.Logging;

namespace Andalan.Functions.Storage;

/// <summary>Archive and history log lines, event ids 5000-5099.</summary>
internal static partial class StorageLog
{
    [LoggerMessage(EventId = 5000, Level = LogLevel.Information,
        Message = "Archived {Export} file {BlobName} ({Size} bytes)")]
    public static partial void FileArchived(this ILogger logger, string export, string blobName, long size);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information,
        Message = "Deleted run {RunId}'s {Files} archived files, older than {RetentionDays} days")]
    public static partial void RunFilesExpired(this ILogger logger, string runId, int files, int retentionDays);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Debug, Message = "Saved run {RunId} as {Status}")]
    public static partial void RunSaved(this ILogger logger, string runId, RunStatus status);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning,
        Message = "Run {RunId}'s export outcomes were too long for one table property; errors were shortened")]
    public static partial void RunExportsTruncated(this ILogger logger, string runId);
}

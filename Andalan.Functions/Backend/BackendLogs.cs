using Microsoft.Extensions.Logging;

namespace Andalan.Functions.Backend;

/// <summary>The backend's log lines (event ids 1000-1099). None carries a password, cookie or token.</summary>
internal static partial class BackendLogs
{
    [LoggerMessage(1000, LogLevel.Information, "Downloading export {Export} from {Url}")]
    public static partial void DownloadStarting(this ILogger logger, string export, string url);

    [LoggerMessage(1001, LogLevel.Information,
        "Downloaded export {Export}: {FileName}, {SizeBytes} bytes, {ContentType}, in {DurationMs} ms")]
    public static partial void DownloadFinished(
        this ILogger logger, string export, string fileName, long sizeBytes, string contentType, long durationMs);

    [LoggerMessage(1002, LogLevel.Error, "Export {Export} failed ({Kind}, retryable: {Retryable})")]
    public static partial void DownloadFailed(
        this ILogger logger, Exception exception, string export, BackendFailure kind, bool retryable);

    [LoggerMessage(1003, LogLevel.Warning,
        "The panel session expired while {Step} for export {Export}; logging in again and retrying once")]
    public static partial void SessionExpired(this ILogger logger, string export, string step);

    [LoggerMessage(1004, LogLevel.Warning, "Export {Export} recovered after logging in again")]
    public static partial void RecoveredAfterRelogin(this ILogger logger, string export);

    [LoggerMessage(1005, LogLevel.Information, "Logged into the panel at {BaseUrl} in {DurationMs} ms")]
    public static partial void LoggedIn(this ILogger logger, Uri baseUrl, long durationMs);

    [LoggerMessage(1006, LogLevel.Error, "Login to the panel failed ({Kind})")]
    public static partial void LoginFailed(this ILogger logger, Exception exception, BackendFailure kind);

    [LoggerMessage(1007, LogLevel.Debug,
        "Launching Chromium {ExecutablePath} (headless: {Headless}, {ArgumentCount} flags)")]
    public static partial void LaunchingBrowser(
        this ILogger logger, string executablePath, bool headless, int argumentCount);

    [LoggerMessage(1008, LogLevel.Debug, "Chromium {Version} started in {DurationMs} ms")]
    public static partial void BrowserLaunched(this ILogger logger, string version, long durationMs);

    [LoggerMessage(1009, LogLevel.Debug, "Export {Export}: {Step} ({ElapsedMs} ms)")]
    public static partial void StepDone(this ILogger logger, string export, string step, long elapsedMs);

    [LoggerMessage(1010, LogLevel.Debug, "Export {Export}: date window {Window}")]
    public static partial void DateWindowSet(this ILogger logger, string export, DateWindow window);

    [LoggerMessage(1011, LogLevel.Debug, "Kept evidence {Files}")]
    public static partial void EvidenceKept(this ILogger logger, string files);

    [LoggerMessage(1012, LogLevel.Warning, "Could not keep evidence of a failure in {Directory}")]
    public static partial void EvidenceFailed(this ILogger logger, Exception exception, string directory);

    [LoggerMessage(1013, LogLevel.Debug, "Closed the browser session")]
    public static partial void SessionClosed(this ILogger logger);

    [LoggerMessage(1014, LogLevel.Warning, "Closing the browser session did not finish cleanly")]
    public static partial void CloseFailed(this ILogger logger, Exception exception);

    [LoggerMessage(1015, LogLevel.Debug, "Logging into the panel at {LoginUrl}")]
    public static partial void LoggingIn(this ILogger logger, Uri loginUrl);

    [LoggerMessage(1018, LogLevel.Information, "Closed the browser after {IdleSeconds} s without work")]
    public static partial void ClosedWhenIdle(this ILogger logger, double idleSeconds);

    [LoggerMessage(1019, LogLevel.Information, "Closed the browser: the run's downloads are done")]
    public static partial void ClosedAfterDownloads(this ILogger logger);

    [LoggerMessage(1020, LogLevel.Debug, "Asked Chromium to free the closed tab's memory ({DurationMs} ms)")]
    public static partial void BrowserMemoryTrimmed(this ILogger logger, long durationMs);

    [LoggerMessage(1021, LogLevel.Warning,
        "Chromium did not take the request to free memory; the run goes on (setting Andalan:Panel:TrimBrowserMemory)")]
    public static partial void BrowserMemoryNotTrimmed(this ILogger logger, Exception exception);

    [LoggerMessage(1017, LogLevel.Information,
        "The panel's login page sent the browser on to {Url}: the session is still logged in")]
    public static partial void AlreadyLoggedIn(this ILogger logger, string url);

    [LoggerMessage(1016, LogLevel.Warning,
        "Not logging in again: the panel {Kind} the last attempt, and trying again could lock the account")]
    public static partial void LoginNotRepeated(this ILogger logger, BackendFailure kind);
}

using System.Globalization;
using System.Security.Cryptography;
using Andalan.Functions.Exports;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace Andalan.Functions.Backend;

public sealed partial class BackendSession
{
    public async Task<DownloadedFile> DownloadAsync(
        ExportDefinition definition, string targetDirectory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var export = definition;
        ArgumentException.ThrowIfNullOrWhiteSpace(targetDirectory);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var directory = Directory.CreateDirectory(targetDirectory).FullName;
        var url = PanelUrl(export.Page.Path);
        var window = export.Page.HasDateWindow
            ? DateWindow.EndingToday(_time, _zone, export.Page.DateWindowDays!.Value)
            : null;
        var started = _time.GetTimestamp();
        var (launches, logins) = (Volatile.Read(ref _launches), Logins);
        _logger.DownloadStarting(export.Name, url.ToString());

        var file = await OnPanelPageAsync(export.Name, directory,
            (page, attempt) => DownloadOnPageAsync(page, attempt, export, url, window, directory, started),
            cancellationToken);
        // What this download waited for: a browser start or a login that happened while it ran.
        file = file with
        {
            BrowserStart = Volatile.Read(ref _launches) != launches ? _lastLaunch : TimeSpan.Zero,
            Login = Logins != logins ? _lastLogin : TimeSpan.Zero,
        };
        _logger.DownloadFinished(
            export.Name, file.FileName, file.Size, file.ContentType, (long)file.Duration.TotalMilliseconds);

        return file;
    }

    /// <summary>
    /// Opens an export's report page and finds its controls without pressing anything: the <c>check</c> verb's
    /// proof that the settings still fit the panel. Returns the page's address.
    /// </summary>
    public Task<Uri> FindExportControlsAsync(ExportDefinition export, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(export);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var url = PanelUrl(export.Page.Path);

        return OnPanelPageAsync(export.Name, _options.EvidenceFolder, async (page, attempt) =>
        {
            await OpenReportPageAsync(page, attempt, export, url);
            foreach (var selector in new[] { export.Page.DateFromInput, export.Page.DateToInput, export.Page.FilterSubmit })
            {
                if (!string.IsNullOrWhiteSpace(selector) && export.Page.HasDateWindow)
                {
                    await RequireAsync(page, page.Locator(selector).First, selector, attempt);
                }
            }

            return url;
        }, cancellationToken);
    }

    /// <summary>
    /// Runs work on a fresh tab of the logged-in session. When the panel shows its login page the session
    /// logs in again once and the work starts over; a failure keeps evidence and is logged with the export.
    /// </summary>
    private async Task<T> OnPanelPageAsync<T>(
        string label, string evidenceDirectory, Func<IPage, PageAttempt, Task<T>> work, CancellationToken cancellationToken)
    {
        var relogged = false;
        await EnterWorkAsync(cancellationToken);
        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var (context, login) = await LoggedInContextAsync(evidenceDirectory, cancellationToken);
                var attempt = new PageAttempt(label);
                var page = await RentPageAsync(context, cancellationToken);
                var expired = false;
                try
                {
                    var result = await work(page, attempt);
                    if (relogged)
                    {
                        _logger.RecoveredAfterRelogin(label);
                    }

                    return result;
                }
                catch (SessionExpiredException failure) when (!relogged)
                {
                    _logger.SessionExpired(label, failure.Step);
                    relogged = expired = true;
                }
                catch (SessionExpiredException failure)
                {
                    throw await WithEvidenceAsync(page, new BackendException(BackendFailure.Transient,
                        $"The panel showed its login page again while {failure.Step}, right after a fresh login.",
                        failure, label, failure.Url), evidenceDirectory, attempt);
                }
                catch (BackendException failure)
                {
                    throw await WithEvidenceAsync(page, failure.ForExport(label), evidenceDirectory, attempt);
                }
                catch (Exception failure) when (failure is PlaywrightException or TimeoutException)
                {
                    throw await WithEvidenceAsync(
                        page, Translate(failure, attempt, SafeUrl(page)).ForExport(label), evidenceDirectory, attempt);
                }
                finally
                {
                    await ReleasePageAsync(page);
                }

                if (expired)
                {
                    await ReloginAsync(login, evidenceDirectory, cancellationToken);
                }
            }
        }
        catch (BackendException failure)
        {
            var named = failure.ForExport(label);
            _logger.DownloadFailed(named, label, named.Kind, named.IsRetryable);
            if (ReferenceEquals(named, failure))
            {
                throw;
            }

            throw named;
        }
        finally
        {
            LeaveWork();
        }
    }

    private async Task<DownloadedFile> DownloadOnPageAsync(
        IPage page, PageAttempt attempt, ExportDefinition export, Uri url, DateWindow? window, string directory,
        long started)
    {
        var button = await OpenReportPageAsync(page, attempt, export, url);

        if (window is not null)
        {
            attempt.Step = "setting the date window";
            await FillDateAsync(page, attempt, export.Page.DateFromInput!, window.From);
            await FillDateAsync(page, attempt, export.Page.DateToInput!, window.To);
            _logger.DateWindowSet(export.Name, window);
            if (!string.IsNullOrWhiteSpace(export.Page.FilterSubmit))
            {
                attempt.Step = "applying the date filter";
                var filter = page.Locator(export.Page.FilterSubmit).First;
                await RequireAsync(page, filter, export.Page.FilterSubmit, attempt);
                var landed = await ClickAndSettleAsync(page, filter, _options.NavigationTimeout);
                await ThrowIfUnavailableAsync(page, landed, attempt);
                await RequireAsync(page, button, export.Page.ExportButton, attempt);
                _logger.StepDone(export.Name, attempt.Step, ElapsedMilliseconds(started));
            }
        }

        attempt.Step = "pressing the export button";
        var download = await ClickForDownloadAsync(page, button, attempt, export);
        _logger.StepDone(export.Name, "download started", ElapsedMilliseconds(started));

        attempt.Step = "receiving the file";
        var (partial, fileName, size, sha256) = await SaveAsync(download, export, directory);
        _logger.StepDone(export.Name, "file received", ElapsedMilliseconds(started));

        attempt.Step = "checking the file";
        string contentType;
        try
        {
            contentType = ExportFileCheck.Verify(partial, export, _options.MaxDownloadBytes);
        }
        catch (BackendException)
        {
            var rejected = Path.Combine(directory, fileName + ".rejected");
            File.Move(partial, rejected, overwrite: true);
            attempt.Evidence.Add(rejected);

            throw;
        }

        var path = Path.Combine(directory, fileName);
        File.Move(partial, path, overwrite: true);

        return new DownloadedFile(
            export.Name, path, fileName, size, sha256, contentType, _time.GetElapsedTime(started), window);
    }

    /// <summary>Opens the report page and returns its export button, once it is there.</summary>
    private async Task<ILocator> OpenReportPageAsync(IPage page, PageAttempt attempt, ExportDefinition export, Uri url)
    {
        attempt.Step = "opening the report page";
        var response = await OpenAsync(page, url, _options.NavigationTimeout);
        await ThrowIfUnavailableAsync(page, response, attempt);
        var button = page.Locator(export.Page.ExportButton).First;
        await RequireAsync(page, button, export.Page.ExportButton, attempt);
        _logger.StepDone(export.Name, attempt.Step, 0);

        return button;
    }

    private async Task FillDateAsync(IPage page, PageAttempt attempt, string selector, DateOnly date)
    {
        var input = page.Locator(selector).First;
        await RequireAsync(page, input, selector, attempt);
        await input.FillAsync(date.ToString(_options.DateInputFormat, CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Presses the export button and waits for the file, whether the panel sends an attachment or the page
    /// builds a Blob. A server error or the login page answering instead ends the wait at once, rather than
    /// after the whole download timeout.
    /// </summary>
    private async Task<IDownload> ClickForDownloadAsync(
        IPage page, ILocator button, PageAttempt attempt, ExportDefinition export)
    {
        var failed = new TaskCompletionSource<IResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnResponse(object? sender, IResponse response)
        {
            // 401 and 419 are how a panel answers a script (or a form) whose session has expired.
            if (response.Status is >= 500 or 401 or 419 || IsLoginPage(response.Url))
            {
                failed.TrySetResult(response);
            }
        }

        page.Response += OnResponse;
        var downloading = page.WaitForDownloadAsync(new PageWaitForDownloadOptions
        {
            Timeout = Milliseconds(_options.DownloadTimeout),
        });
        try
        {
            // The button was found already; a click on a link waits until the file's response starts, which
            // a large export takes a while to send, so the click has the download's time.
            await button.ClickAsync(new LocatorClickOptions { Timeout = Milliseconds(_options.DownloadTimeout) });
            var first = await Task.WhenAny(downloading, failed.Task);
            if (first == downloading)
            {
                return await downloading;
            }

            var answer = await failed.Task;
            await SettleAsync(page);
            if (answer.Status is 401 or 419 || IsLoginPage(answer.Url))
            {
                throw new SessionExpiredException(attempt.Step, answer.Url);
            }

            var retryAfter = await RetryAfterAsync(answer);
            var kind = answer.Status == 503 || _maintenance.IsMatch(await PageTextAsync(page))
                ? BackendFailure.Maintenance
                : BackendFailure.Transient;

            throw new BackendException(kind,
                $"The {export.Name} export answered HTTP {answer.Status} at {answer.Url} instead of a file" +
                (kind == BackendFailure.Maintenance
                    ? " (maintenance page); try again later."
                    : ": the panel failed on its side. Retried; if it keeps failing, open the report in a browser " +
                      "and tell the panel's administrators."),
                url: answer.Url, retryAfter: retryAfter);
        }
        catch (TimeoutException ex) when (downloading.IsFaulted)
        {
            throw new BackendException(BackendFailure.Transient,
                $"No file arrived within {Seconds(_options.DownloadTimeout)} after pressing '{export.Page.ExportButton}' " +
                $"on {SafeUrl(page)} (Andalan:Panel:DownloadTimeout).", ex, url: SafeUrl(page));
        }
        finally
        {
            page.Response -= OnResponse;
            _ = downloading.ContinueWith(
                static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted,
                TaskScheduler.Default);
        }
    }

    /// <summary>
    /// Saves the finished download next to its final name and hashes it, then frees the browser's own copy so
    /// a long-lived session does not fill the disk. Saving goes through the driver's file system rather than
    /// streaming the bytes over its pipe, which would hold a large file in the driver's memory.
    /// </summary>
    private async Task<(string Partial, string FileName, long Size, string Sha256)> SaveAsync(
        IDownload download, ExportDefinition export, string directory)
    {
        var fileName = SafeFileName(download.SuggestedFilename, export);
        var partial = Path.Combine(directory, fileName + ".part");
        try
        {
            await download.SaveAsAsync(partial).WaitAsync(_options.DownloadTimeout);
        }
        catch (PlaywrightException ex)
        {
            var reason = await download.FailureAsync() ?? FirstLine(ex.Message);

            throw new BackendException(BackendFailure.Transient,
                $"The browser could not finish the {export.Name} download: {reason}.", ex, url: download.Url);
        }
        finally
        {
            await download.DeleteAsync();
        }

        await using var file = File.OpenRead(partial);
        var sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(file));

        return (partial, fileName, file.Length, sha256);
    }

    private static string SafeFileName(string suggested, ExportDefinition export)
    {
        var name = Path.GetFileName(suggested ?? string.Empty).Trim();
        var invalid = Path.GetInvalidFileNameChars();
        name = new string([.. name.Select(c => invalid.Contains(c) || char.IsControl(c) ? '_' : c)]).TrimStart('.');

        return name.Length > 0
            ? name
            : export.Name + (export.Format == ExportFormat.Xlsx ? ".xlsx" : ".pdf");
    }

    // What has loaded of the panel's answer is enough; the failure being reported matters more than the wait.
    private async Task SettleAsync(IPage page) =>
        await PageReadiness.WaitAsync(page, LoadState.Load, _options.SelectorTimeout, _time);

    private static string SafeUrl(IPage page) => page.IsClosed ? "(page closed)" : page.Url;
}

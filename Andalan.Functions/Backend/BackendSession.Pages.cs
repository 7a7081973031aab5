using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace Andalan.Functions.Backend;

public sealed partial class BackendSession
{
    /// <summary>
    /// Turns what the panel answered into a failure when it is not the page asked for: the login page (the
    /// session expired), the maintenance page, a server error or a missing page.
    /// </summary>
    private async Task ThrowIfUnavailableAsync(IPage page, IResponse? response, PageAttempt attempt)
    {
        if (IsLoginPage(page.Url) && attempt.Label != "login")
        {
            throw new SessionExpiredException(attempt.Step, page.Url);
        }

        var status = response?.Status ?? 200;
        if (status < 400)
        {
            return;
        }

        var retryAfter = response is null ? null : await RetryAfterAsync(response);
        if (status is 503 || (status >= 500 && _maintenance.IsMatch(await PageTextAsync(page))))
        {
            throw new BackendException(BackendFailure.Maintenance,
                $"The panel is in maintenance (HTTP {status} at {page.Url}) while {attempt.Step}; try again later.",
                url: page.Url, retryAfter: retryAfter);
        }

        if (status >= 500 || status == 429)
        {
            throw new BackendException(BackendFailure.Transient,
                $"The panel answered HTTP {status} at {page.Url} while {attempt.Step}.",
                url: page.Url, retryAfter: retryAfter);
        }

        throw new BackendException(BackendFailure.PageChanged,
            $"The panel answered HTTP {status} at {page.Url} while {attempt.Step}: the page moved or its path " +
            "setting is wrong.", url: page.Url);
    }

    /// <summary>Waits for an element the settings name; its absence is a changed page, or says why it is absent.</summary>
    private async Task RequireAsync(IPage page, ILocator locator, string selector, PageAttempt attempt)
    {
        try
        {
            await locator.WaitForAsync(new LocatorWaitForOptions
            {
                State = WaitForSelectorState.Attached,
                Timeout = Milliseconds(_options.SelectorTimeout),
            });
        }
        catch (TimeoutException ex)
        {
            if (IsLoginPage(page.Url) && attempt.Label != "login")
            {
                throw new SessionExpiredException(attempt.Step, page.Url);
            }

            if (_maintenance.IsMatch(await PageTextAsync(page)))
            {
                throw new BackendException(BackendFailure.Maintenance,
                    $"The panel shows its maintenance page at {page.Url} while {attempt.Step}; try again later.",
                    ex, url: page.Url);
            }

            throw new BackendException(BackendFailure.PageChanged,
                $"The selector '{selector}' was not found on {page.Url} within {Seconds(_options.SelectorTimeout)} " +
                $"while {attempt.Step}: the panel's page changed or the setting is wrong.",
                ex, url: page.Url, selector: selector);
        }
    }

    private static async Task<bool> IsPresentAsync(IPage page, string selector) =>
        await page.Locator(selector).CountAsync() > 0;

    /// <summary>Clicks and waits for the page that follows to load; returns the last main-frame response, if any.</summary>
    private async Task<IResponse?> ClickAndSettleAsync(IPage page, ILocator target, TimeSpan timeout)
    {
        IResponse? landed = null;
        void OnResponse(object? sender, IResponse response)
        {
            if (response.Request.IsNavigationRequest && response.Frame == page.MainFrame)
            {
                landed = response;
            }
        }

        page.Response += OnResponse;
        try
        {
            // Playwright's click waits for a navigation it starts to commit, so the load state below is the new page's.
            await target.ClickAsync(new LocatorClickOptions { Timeout = Milliseconds(timeout) });
            await WaitForPageAsync(page, timeout);
        }
        finally
        {
            page.Response -= OnResponse;
        }

        return landed;
    }

    /// <summary>
    /// Waits for the page's document (DOMContentLoaded) within <paramref name="timeout"/>, then for its load event
    /// at most <see cref="LoadGrace"/> longer: scripts that hook the load event get their turn, but a page whose
    /// images, fonts or scripts from elsewhere never finish loading does not fail the step.
    /// </summary>
    private async Task WaitForPageAsync(IPage page, TimeSpan timeout)
    {
        if (!await PageReadiness.WaitAsync(page, LoadState.DOMContentLoaded, timeout, _time))
        {
            throw new TimeoutException(
                $"Timeout {timeout.TotalMilliseconds:0}ms exceeded waiting for the page's document.");
        }

        // The document is there; what is still loading is not needed to find the form or the buttons.
        await PageReadiness.WaitAsync(page, LoadState.Load, LoadGrace, _time);
    }

    /// <summary>Opens a page of the panel and waits for it (<see cref="WaitForPageAsync"/>).</summary>
    private async Task<IResponse?> OpenAsync(IPage page, Uri url, TimeSpan timeout)
    {
        var response = await page.GotoAsync(url.ToString(), new PageGotoOptions
        {
            Timeout = Milliseconds(timeout),
            WaitUntil = WaitUntilState.DOMContentLoaded,
        });
        await WaitForPageAsync(page, timeout);

        return response;
    }

    /// <summary>The start of the page's title and text, enough to recognise an error or maintenance page.</summary>
    private static async Task<string> PageTextAsync(IPage page)
    {
        try
        {
            // textContent needs no layout, unlike innerText, so a page with a long table stays cheap.
            return await page.EvaluateAsync<string>(
                "() => (document.title + '\\n' + (document.body ? document.body.textContent : '')).slice(0, 4000)");
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
        {
            return string.Empty;
        }
    }

    private static async Task<TimeSpan?> RetryAfterAsync(IResponse response)
    {
        var value = await response.HeaderValueAsync("retry-after");

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : null;
    }

    /// <summary>A Playwright failure in words an operator can act on; timeouts and network errors are transient.</summary>
    private BackendException Translate(Exception exception, PageAttempt attempt, string url)
    {
        var network = NetworkError().Match(exception.Message);
        var message = exception switch
        {
            TimeoutException =>
                $"Timed out while {attempt.Step} at {url}: {FirstLine(exception.Message).TrimEnd('.')}. " +
                "The panel is slow or down: retried; if it is only slow, raise Andalan:Panel:NavigationTimeout " +
                "(pages) or LoginTimeout.",
            _ when network.Success => $"The panel could not be reached while {attempt.Step} ({network.Value} at {url}). " +
                "Retried; check that the panel is up and that Andalan:Panel:BaseUrl is right.",
            _ => $"The browser failed while {attempt.Step} at {url}: {FirstLine(exception.Message)}",
        };

        // Playwright's own message may quote what was typed; never keep it when it holds the password.
        var inner = _options.Password.Length > 0
            && exception.ToString().Contains(_options.Password, StringComparison.Ordinal)
            ? null
            : exception;

        return new BackendException(BackendFailure.Transient, Scrub(message), inner, url: url);
    }

    private string Scrub(string text) =>
        _options.Password.Length == 0
            ? text
            : text.Replace(_options.Password, EvidenceRedactor.Mask, StringComparison.Ordinal);

    /// <summary>Keeps a screenshot and the page's HTML, secrets removed, and names them in the failure.</summary>
    private async Task<BackendException> WithEvidenceAsync(
        IPage page, BackendException failure, string directory, PageAttempt attempt)
    {
        var files = new List<string>(attempt.Evidence);
        try
        {
            Directory.CreateDirectory(directory);
            var stamp = _time.GetUtcNow().ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture);
            var stem = Path.Combine(Path.GetFullPath(directory), $"{attempt.Label}-failure-{stamp}");

            // Neither call has a timeout of its own, and a page stuck navigating must not stall the failure.
            var html = await page.ContentAsync().WaitAsync(_options.SelectorTimeout);
            var cookies = await page.Context.CookiesAsync().WaitAsync(_options.SelectorTimeout);
            var secrets = cookies.Select(c => c.Value).Append(_options.Password);
            await File.WriteAllTextAsync(stem + ".html", EvidenceRedactor.Redact(html, secrets));
            files.Add(stem + ".html");

            await page.ScreenshotAsync(new PageScreenshotOptions
            {
                Path = stem + ".png",
                Timeout = Milliseconds(_options.SelectorTimeout),
            });
            files.Add(stem + ".png");
            _logger.EvidenceKept(string.Join(", ", files));
        }
        catch (Exception ex)
            when (ex is PlaywrightException or TimeoutException or IOException or UnauthorizedAccessException)
        {
            _logger.EvidenceFailed(ex, directory);
        }

        return failure.WithEvidence(files);
    }

    /// <summary>
    /// A new tab to work in, once one of <see cref="PanelOptions.MaxConcurrentPages"/> is free. Every piece of
    /// work gets its own tab, closed afterwards (<see cref="ReleasePageAsync"/>): a closed tab gives its page's
    /// memory back, where a reused one kept about 10 MiB of it, and no page's state can leak into the next.
    /// </summary>
    private async Task<IPage> RentPageAsync(IBrowserContext context, CancellationToken cancellationToken)
    {
        await _pages.WaitAsync(cancellationToken);
        try
        {
            return await context.NewPageAsync();
        }
        catch
        {
            _pages.Release();

            throw;
        }
    }

    /// <summary>
    /// Closes a tab from <see cref="RentPageAsync"/>, lets Chromium give its memory back, and frees its slot.
    /// </summary>
    private async Task ReleasePageAsync(IPage page)
    {
        try
        {
            await ClosePageAsync(page);
            await TrimBrowserMemoryAsync();
        }
        finally
        {
            _pages.Release();
        }
    }

    /// <summary>
    /// Tells Chromium it is short of memory (<see cref="PanelOptions.TrimBrowserMemory"/>). Only memory is at
    /// stake, so a browser that does not take the call is logged and the work goes on.
    /// </summary>
    private async Task TrimBrowserMemoryAsync()
    {
        if (Volatile.Read(ref _browserDevTools) is not { } devTools)
        {
            return;
        }

        var started = _time.GetTimestamp();
        try
        {
            var pressure = new Dictionary<string, object> { ["level"] = "moderate" };
            await devTools.SendAsync("Memory.simulatePressureNotification", pressure)
                .WaitAsync(_options.SelectorTimeout);
            _logger.BrowserMemoryTrimmed(ElapsedMilliseconds(started));
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
        {
            _logger.BrowserMemoryNotTrimmed(ex);
        }
    }

    /// <summary>
    /// The browser-level DevTools session <see cref="TrimBrowserMemoryAsync"/> talks through, or null when the
    /// browser refuses one: the downloads do not need it.
    /// </summary>
    private async Task<ICDPSession?> OpenBrowserDevToolsAsync(IBrowser browser)
    {
        try
        {
            return await browser.NewBrowserCDPSessionAsync();
        }
        catch (PlaywrightException ex)
        {
            _logger.BrowserMemoryNotTrimmed(ex);

            return null;
        }
    }

    private async Task ClosePageAsync(IPage page)
    {
        try
        {
            // Closing a tab whose navigation still waits for the server can wait as long as the server does.
            await page.CloseAsync(new PageCloseOptions { RunBeforeUnload = false }).WaitAsync(_options.SelectorTimeout);
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
        {
            _logger.CloseFailed(ex);
        }
    }

    private static string Fold(string text) => WhiteSpace().Replace(text, " ").Trim();

    [GeneratedRegex(@"net::ERR_[A-Z_]+", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex NetworkError();

    [GeneratedRegex(@"\s+", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex WhiteSpace();
}

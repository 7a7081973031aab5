using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace Andalan.Functions.Backend;

public sealed partial class BackendSession
{
    private async Task LoginAsync(string evidenceDirectory, CancellationToken cancellationToken)
    {
        if (_loginBlocked is { } blocked &&
            (blocked.Kind == BackendFailure.LoginRefused || _time.GetUtcNow() < _loginBlockedUntil))
        {
            _logger.LoginNotRepeated(blocked.Kind);

            throw blocked;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var loginUrl = PanelUrl(_options.LoginPath);
        _logger.LoggingIn(loginUrl);
        var started = _time.GetTimestamp();
        var attempt = new PageAttempt("login") { Step = "opening the login page" };
        var page = await RentPageAsync(_context!, cancellationToken);
        try
        {
            var response = await OpenAsync(page, loginUrl, _options.LoginTimeout);
            await ThrowIfUnavailableAsync(page, response, attempt);
            if (!IsLoginPage(page.Url) && !await IsPresentAsync(page, _options.LoginForm))
            {
                // The panel sent the login page on to one of its own: the session's cookie is still good, for
                // example because an earlier login went through although waiting for its page timed out.
                MarkLoggedIn(started);
                _logger.AlreadyLoggedIn(page.Url);

                return;
            }

            var form = page.Locator(_options.LoginForm).First;
            await RequireAsync(page, form, _options.LoginForm, attempt);

            attempt.Step = "filling in the login form";
            var username = page.Locator(_options.UsernameInput).First;
            var password = page.Locator(_options.PasswordInput).First;
            var submit = page.Locator(_options.SubmitButton).First;
            await RequireAsync(page, username, _options.UsernameInput, attempt);
            await RequireAsync(page, password, _options.PasswordInput, attempt);
            await RequireAsync(page, submit, _options.SubmitButton, attempt);
            await username.FillAsync(_options.Username);
            await password.FillAsync(_options.Password);

            attempt.Step = "submitting the login form";
            var landed = await ClickAndSettleAsync(page, submit, _options.LoginTimeout);
            await ThrowIfUnavailableAsync(page, landed, attempt);
            if (IsLoginPage(page.Url) || await IsPresentAsync(page, _options.LoginForm))
            {
                throw await LoginRejectionAsync(page);
            }

            if (!string.IsNullOrWhiteSpace(_options.LoggedInSelector))
            {
                attempt.Step = "checking the page after login";
                await RequireAsync(page, page.Locator(_options.LoggedInSelector).First, _options.LoggedInSelector, attempt);
            }

            MarkLoggedIn(started);
            _logger.LoggedIn(_options.BaseUrl!, ElapsedMilliseconds(started));
        }
        catch (Exception ex)
            when (ex is BackendException or PlaywrightException or TimeoutException or SessionExpiredException)
        {
            var failure = ex switch
            {
                BackendException backend => backend,
                SessionExpiredException => new BackendException(BackendFailure.Transient,
                    $"The panel kept returning to its login page while {attempt.Step}.", url: page.Url),
                _ => Translate(ex, attempt, page.Url),
            };
            failure = await WithEvidenceAsync(page, failure, evidenceDirectory, attempt);
            if (failure.Kind is BackendFailure.LoginRefused or BackendFailure.LoginThrottled)
            {
                _loginBlocked = failure;
                _loginBlockedUntil = _time.GetUtcNow() + (failure.RetryAfter ?? TimeSpan.Zero);
            }

            _logger.LoginFailed(failure, failure.Kind);

            throw failure;
        }
        finally
        {
            await ReleasePageAsync(page);
        }
    }

    private void MarkLoggedIn(long startedTimestamp)
    {
        _loggedIn = true;
        _loginBlocked = null;
        _lastLogin = _time.GetElapsedTime(startedTimestamp);
        Interlocked.Increment(ref _logins);
    }

    /// <summary>Why the panel kept the login form up: throttled (and for how long) or refused.</summary>
    private async Task<BackendException> LoginRejectionAsync(IPage page)
    {
        var error = page.Locator(_options.LoginError).First;
        var said = await IsPresentAsync(page, _options.LoginError)
            ? Fold(await error.InnerTextAsync(
                new LocatorInnerTextOptions { Timeout = Milliseconds(_options.SelectorTimeout) }))
            : string.Empty;
        if (said.Length == 0)
        {
            said = Fold(await PageTextAsync(page));
        }

        var throttled = _throttled.Match(said);
        if (throttled.Success &&
            int.TryParse(
                throttled.Groups["seconds"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            var retryAfter = TimeSpan.FromSeconds(seconds);

            return new BackendException(BackendFailure.LoginThrottled,
                $"The panel throttles logins: try again after {_time.GetUtcNow() + retryAfter:u} ({seconds} s). " +
                $"The panel said: \"{Clip(throttled.Value)}\"", url: page.Url, retryAfter: retryAfter);
        }

        var message = await IsPresentAsync(page, _options.LoginError)
            ? $"The panel refused the login: \"{Clip(said)}\""
            : $"The panel stayed on its login page after the credentials were sent and showed no message in " +
              $"'{_options.LoginError}'";

        return new BackendException(BackendFailure.LoginRefused,
            $"{message}. Not retried, so the account does not lock: check Andalan:Panel:Username and Password.",
            url: page.Url);
    }

    private static string Clip(string text) => text.Length <= 200 ? text : text[..200] + "…";
}

using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace Andalan.Functions.Backend;

/// <summary>
/// The process's one browser and one logged-in panel session, shared by every caller. Chromium starts and
/// logs in on first use; one login runs at a time; each piece of work gets its own tab, closed afterwards.
/// When the panel answers with its login page, the session logs in again once and repeats the work.
/// Disposing closes the context, the browser and Playwright's driver, so no process is left behind.
/// </summary>
public sealed partial class BackendSession : IExportDownloader, IAsyncDisposable
{
    private const string NodeOptionsVariable = "NODE_OPTIONS";

    // How long a page that has its document may still take to fire its load event before the work goes on.
    private static readonly TimeSpan LoadGrace = TimeSpan.FromSeconds(5);

    private readonly PanelOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<BackendSession> _logger;
    private readonly TimeZoneInfo _zone;
    private readonly Regex _throttled;
    private readonly Regex _maintenance;

    // Guards launching, logging in and closing; pages are opened outside it.
    private readonly SemaphoreSlim _gate = new(1, 1);

    // Limits the tabs at work at once, the login's included (PanelOptions.MaxConcurrentPages).
    private readonly SemaphoreSlim _pages;

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private IBrowserContext? _context;
    private ICDPSession? _browserDevTools;
    private volatile bool _loggedIn;
    private int _logins;
    private int _launches;
    private TimeSpan _lastLaunch;
    private TimeSpan _lastLogin;
    private int _busy;
    private ITimer? _idleTimer;
    private BackendException? _loginBlocked;
    private DateTimeOffset _loginBlockedUntil;
    private bool _disposed;

    public BackendSession(IOptions<PanelOptions> options, TimeProvider time, ILogger<BackendSession> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options.Value;
        _pages = new SemaphoreSlim(_options.MaxConcurrentPages, _options.MaxConcurrentPages);
        _time = time;
        _logger = logger;
        _zone = TimeZoneInfo.FindSystemTimeZoneById(_options.TimeZone);
        _throttled = new Regex(_options.LoginThrottledPattern, RegexOptions.None, TimeSpan.FromSeconds(1));
        _maintenance = new Regex(_options.MaintenancePattern, RegexOptions.None, TimeSpan.FromSeconds(1));
    }

    /// <summary>How many times this session has logged in successfully.</summary>
    public int Logins => Volatile.Read(ref _logins);

    /// <summary>Whether Chromium and its driver are running for this session now.</summary>
    public bool IsBrowserOpen => Volatile.Read(ref _browser) is not null;

    /// <summary>Logs in now unless already logged in; a failure is a <see cref="BackendException"/>.</summary>
    public async Task EnsureLoggedInAsync(CancellationToken cancellationToken)
    {
        _ = await LoggedInContextAsync(_options.EvidenceFolder, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        // A login in progress finishes first (it is bounded by its timeouts), so nothing races the close.
        await _gate.WaitAsync();
        try
        {
            _disposed = true;
            if (_idleTimer is not null)
            {
                await _idleTimer.DisposeAsync();
            }

            await CloseBrowserAsync();
            _logger.SessionClosed();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task ReleaseAsync()
    {
        if (await CloseIfIdleAsync())
        {
            _logger.ClosedAfterDownloads();
        }
    }

    private async Task<(IBrowserContext Context, int Login)> LoggedInContextAsync(
        string evidenceDirectory, CancellationToken cancellationToken)
    {
        if (_loggedIn && _context is { } ready && _browser is { IsConnected: true })
        {
            return (ready, Logins);
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_browser is { IsConnected: false })
            {
                // Chromium died (killed, out of memory): start over rather than fail every later export.
                await CloseBrowserAsync();
            }

            if (_context is null)
            {
                await LaunchAsync();
            }

            if (!_loggedIn)
            {
                await LoginAsync(evidenceDirectory, cancellationToken);
            }

            return (_context!, Logins);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Counts a piece of work in; the browser is not closed for idleness while any is in.</summary>
    private async Task EnterWorkAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        Interlocked.Increment(ref _busy);
        _gate.Release();
    }

    /// <summary>Counts a piece of work out; the last one out starts the idle clock.</summary>
    private void LeaveWork()
    {
        if (Interlocked.Decrement(ref _busy) != 0 || _options.BrowserIdleTimeout <= TimeSpan.Zero || _disposed)
        {
            return;
        }

        _idleTimer ??= _time.CreateTimer(
            _ => _ = CloseWhenIdleAsync(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _idleTimer.Change(_options.BrowserIdleTimeout, Timeout.InfiniteTimeSpan);
    }

    /// <summary>
    /// Closes Chromium and the driver when no work has come for <see cref="PanelOptions.BrowserIdleTimeout"/>:
    /// between runs (twelve hours apart) they would hold memory for nothing, and a run that ended before it could
    /// say its downloads were done (<see cref="ReleaseAsync"/>) frees them this way.
    /// </summary>
    private async Task CloseWhenIdleAsync()
    {
        if (await CloseIfIdleAsync())
        {
            _logger.ClosedWhenIdle(_options.BrowserIdleTimeout.TotalSeconds);
        }
    }

    /// <summary>
    /// Closes Chromium and the driver unless work is in progress; true when it did. The next piece of work starts
    /// them again and logs in.
    /// </summary>
    private async Task<bool> CloseIfIdleAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (Volatile.Read(ref _busy) != 0 || _disposed || _browser is null)
            {
                return false;
            }

            await CloseBrowserAsync();

            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Logs in again unless another caller already did since <paramref name="staleLogin"/>.</summary>
    private async Task ReloginAsync(int staleLogin, string evidenceDirectory, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (Logins == staleLogin)
            {
                _loggedIn = false;
                await LoginAsync(evidenceDirectory, cancellationToken);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task LaunchAsync()
    {
        var arguments = ChromiumArguments.For(_options);
        _logger.LaunchingBrowser(_options.ChromiumPath, _options.Headless, arguments.Count);
        var started = _time.GetTimestamp();
        try
        {
            _playwright = await StartDriverAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = _options.ChromiumPath,
                Headless = _options.Headless,
                Args = arguments,
                Timeout = Milliseconds(_options.LaunchTimeout),
            });
            _context = await _browser.NewContextAsync(new BrowserNewContextOptions
            {
                AcceptDownloads = true,
                Locale = "id-ID",
                TimezoneId = _options.TimeZone,
                ViewportSize = new ViewportSize { Width = _options.ViewportWidth, Height = _options.ViewportHeight },
                ServiceWorkers = ServiceWorkerPolicy.Block,
            });
            _browserDevTools = _options.TrimBrowserMemory ? await OpenBrowserDevToolsAsync(_browser) : null;
            _context.SetDefaultTimeout(Milliseconds(_options.SelectorTimeout));
            _context.SetDefaultNavigationTimeout(Milliseconds(_options.NavigationTimeout));
            _lastLaunch = _time.GetElapsedTime(started);
            Interlocked.Increment(ref _launches);
            _logger.BrowserLaunched(_browser.Version, ElapsedMilliseconds(started));
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
        {
            await CloseBrowserAsync();
            var kind = ex is TimeoutException ? BackendFailure.Transient : BackendFailure.Configuration;

            throw new BackendException(kind,
                $"Chromium could not be started from {_options.ChromiumPath} " +
                $"within {_options.LaunchTimeout.TotalSeconds:0} s: " +
                $"{FirstLine(ex.Message)} (settings Andalan:Panel:ChromiumPath and ExtraArguments).", ex);
        }
    }

    /// <summary>
    /// Starts Playwright's node driver. Playwright gives it this process's environment and takes the node binary
    /// from PLAYWRIGHT_NODEJS_PATH, its only ways in. With <see cref="PanelOptions.LeanChromium"/> (unless the
    /// operator set either variable) the driver runs through <see cref="LeanDriver"/>'s launcher, which adds V8
    /// flags for a small heap and no optimising compiler: the driver only relays messages.
    /// </summary>
    private async Task<IPlaywright> StartDriverAsync()
    {
        if (!_options.LeanChromium ||
            Environment.GetEnvironmentVariable(NodeOptionsVariable) is { Length: > 0 } ||
            Environment.GetEnvironmentVariable(LeanDriver.NodePathVariable) is { Length: > 0 } ||
            LeanDriver.Launcher() is not { } launcher)
        {
            return await CreatePlaywrightAsync();
        }

        Environment.SetEnvironmentVariable(LeanDriver.NodePathVariable, launcher);
        try
        {
            return await CreatePlaywrightAsync();
        }
        finally
        {
            Environment.SetEnvironmentVariable(LeanDriver.NodePathVariable, null);
        }
    }

    /// <summary>Starts the driver once the console cannot deadlock its start (<see cref="ConsoleWriters"/>).</summary>
    private static Task<IPlaywright> CreatePlaywrightAsync()
    {
        ConsoleWriters.Pin();

        return Playwright.CreateAsync();
    }

    private async Task CloseBrowserAsync()
    {
        _loggedIn = false;
        try
        {
            if (_context is not null)
            {
                await _context.CloseAsync();
            }

            if (_browser is not null)
            {
                await _browser.CloseAsync();
            }
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
        {
            _logger.CloseFailed(ex);
        }
        finally
        {
            // Disposing the driver connection ends the node process, which also ends any Chromium left.
            _playwright?.Dispose();
            _browserDevTools = null;
            _context = null;
            _browser = null;
            _playwright = null;
        }
    }

    private Uri PanelUrl(string path) => new(_options.BaseUrl!, path);

    private bool IsLoginPage(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) &&
        string.Equals(uri.AbsolutePath.TrimEnd('/'), _options.LoginPath.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);

    private long ElapsedMilliseconds(long startedTimestamp) =>
        (long)_time.GetElapsedTime(startedTimestamp).TotalMilliseconds;

    private static float Milliseconds(TimeSpan span) => (float)span.TotalMilliseconds;

    private static string FirstLine(string text)
    {
        var line = text.AsSpan().Trim();
        var end = line.IndexOfAny('\r', '\n');

        return (end < 0 ? line : line[..end]).ToString();
    }

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + " s";
}

using Andalan.Functions.Backend;
using Andalan.Functions.Tests.Fixtures;
using Andalan.Sandbox.Faults;
using Microsoft.Extensions.Logging.Testing;

namespace Andalan.Functions.Tests.Backend;

[Collection(PanelBrowserGroup.Name)]
public sealed class BackendSessionLifetimeTests(SandboxFixture fixture) : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("andalan-lifetime-");

    [Fact]
    public async Task DisposeAsync_AfterADownload_LeavesNoBrowserOrDriverProcess()
    {
        Assert.Empty(ProcessTree.BrowserProcesses());
        var session = BackendTestSupport.Session(
            BackendTestSupport.OptionsFor(fixture.Sandbox), new FakeLogger<BackendSession>());
        await session.DownloadAsync(BackendTestSupport.Exports.Get("users"), _folder.FullName, CancellationToken.None);
        var running = ProcessTree.BrowserProcesses();
        var driverWasRunning = running.Any(ProcessTree.IsPlaywrightDriver);

        await session.DisposeAsync();

        Assert.True(driverWasRunning);
        Assert.Contains(running, ProcessTree.IsChromium);
        Assert.Empty(await RemainingAfterAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task DownloadAsync_LeanLaunch_RunsTheDriverWithItsNodeFlags()
    {
        await using var session = BackendTestSupport.Session(
            BackendTestSupport.OptionsFor(fixture.Sandbox), new FakeLogger<BackendSession>());
        await session.DownloadAsync(BackendTestSupport.Exports.Get("users"), _folder.FullName, CancellationToken.None);

        var driver = Assert.Single(ProcessTree.BrowserProcesses(), ProcessTree.IsPlaywrightDriver);
        var commandLine = ProcessTree.CommandLine(driver.Pid);

        Assert.All(LeanDriver.NodeFlags, flag => Assert.Contains(flag, commandLine, StringComparison.Ordinal));
        Assert.Null(Environment.GetEnvironmentVariable(LeanDriver.NodePathVariable));
    }

    [Fact]
    public async Task DownloadAsync_BrowserIdleLongerThanItsTimeout_ClosesItAndStartsAgainForTheNext()
    {
        var logger = new FakeLogger<BackendSession>();
        await using var session = BackendTestSupport.Session(
            BackendTestSupport.OptionsFor(fixture.Sandbox, o => o.BrowserIdleTimeout = TimeSpan.FromSeconds(1)),
            logger);
        var users = BackendTestSupport.Exports.Get("users");

        await session.DownloadAsync(users, _folder.FullName, CancellationToken.None);
        var leftAfterIdle = await RemainingAfterAsync(TimeSpan.FromSeconds(15));
        var again = await session.DownloadAsync(users, _folder.FullName, CancellationToken.None);

        Assert.Empty(leftAfterIdle);
        Assert.Contains(logger.Collector.GetSnapshot(), r => r.Id.Id == 1018);
        Assert.True(again.Size > 4_000);
        Assert.True(again.BrowserStart > TimeSpan.Zero, "the second download should have started the browser again");
        Assert.Equal(2, session.Logins);
    }

    [Fact]
    public async Task ReleaseAsync_AfterTheDownloads_ClosesBrowserAndDriverAtOnce()
    {
        // The idle timeout is the default (far longer than the test waits): the release alone closes them.
        var logger = new FakeLogger<BackendSession>();
        await using var session = BackendTestSupport.Session(BackendTestSupport.OptionsFor(fixture.Sandbox), logger);
        var users = BackendTestSupport.Exports.Get("users");
        await session.DownloadAsync(users, _folder.FullName, CancellationToken.None);
        var runningBefore = ProcessTree.BrowserProcesses();

        await session.ReleaseAsync();
        var leftAfterRelease = await RemainingAfterAsync(TimeSpan.FromSeconds(10));
        var again = await session.DownloadAsync(users, _folder.FullName, CancellationToken.None);

        Assert.Contains(runningBefore, ProcessTree.IsChromium);
        Assert.Empty(leftAfterRelease);
        Assert.Contains(logger.Collector.GetSnapshot(), r => r.Id.Id == 1019);
        Assert.True(again.Size > 4_000);
        Assert.Equal(2, session.Logins);
    }

    [Fact]
    public async Task ReleaseAsync_WhileADownloadIsGoing_LeavesTheBrowserToIt()
    {
        // The login lands on a page whose image takes 3 s, so the download is still going when the release comes.
        fixture.Sandbox.Faults.Panel.DashboardStall = DashboardStall.Image;
        fixture.Sandbox.Faults.Panel.DashboardStalls = 1;
        fixture.Sandbox.Faults.Panel.DashboardStallTime = TimeSpan.FromSeconds(3);
        var logger = new FakeLogger<BackendSession>();
        await using var session = BackendTestSupport.Session(BackendTestSupport.OptionsFor(fixture.Sandbox), logger);

        var download = session.DownloadAsync(
            BackendTestSupport.Exports.Get("users"), _folder.FullName, CancellationToken.None);
        while (!ProcessTree.BrowserProcesses().Any(ProcessTree.IsChromium) && !download.IsCompleted)
        {
            await Task.Delay(50);
        }

        var releaseCameDuringTheDownload = !download.IsCompleted;
        await session.ReleaseAsync();
        var file = await download;

        Assert.True(releaseCameDuringTheDownload, "the download ended before the release; the stall did not hold it");
        Assert.True(file.Size > 4_000);
        Assert.DoesNotContain(logger.Collector.GetSnapshot(), r => r.Id.Id == 1019);
        Assert.Contains(ProcessTree.BrowserProcesses(), ProcessTree.IsChromium);
    }

    [Fact]
    public async Task EnsureLoggedInAsync_ConsoleErrorInUseWhileTheDriverStarts_StartsWithoutDeadlock()
    {
        // What a console logger does while it writes: it holds Console.Error and, inside the write, reads
        // Console.Out. Playwright's driver start sets the console's encodings, which takes the console's lock
        // and then flushes both writers; without care the two wait for each other for good.
        using var stop = new CancellationTokenSource();
        var writer = new Thread(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                lock (Console.Error)
                {
                    Thread.SpinWait(5_000);
                    _ = Console.Out;
                }

                Thread.Yield();
            }
        }) { IsBackground = true };
        writer.Start();

        var started = 0;
        try
        {
            for (var i = 0; i < 3; i++)
            {
                var session = BackendTestSupport.Session(
                    BackendTestSupport.OptionsFor(fixture.Sandbox), new FakeLogger<BackendSession>());
                // A deadlock never ends (it would take the calling thread with it): the start runs on a pool
                // thread, the wait gives up, and the session is left as it is.
                await Task.Run(() => session.EnsureLoggedInAsync(CancellationToken.None))
                    .WaitAsync(TimeSpan.FromSeconds(60));
                await session.DisposeAsync();
                started++;
            }
        }
        finally
        {
            stop.Cancel();
            writer.Join(TimeSpan.FromSeconds(5));
        }

        Assert.Equal(3, started);
    }

    [Fact]
    public async Task DownloadAsync_AfterDispose_RefusesWithoutStartingABrowser()
    {
        var session = BackendTestSupport.Session(
            BackendTestSupport.OptionsFor(fixture.Sandbox), new FakeLogger<BackendSession>());
        await session.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() =>
            session.DownloadAsync(BackendTestSupport.Exports.Get("users"), _folder.FullName, CancellationToken.None));

        Assert.Empty(ProcessTree.BrowserProcesses());
    }

    [Fact]
    public async Task EnsureLoggedInAsync_ChromiumMissing_FailsAsConfiguration()
    {
        var options = BackendTestSupport.OptionsFor(fixture.Sandbox, o => o.ChromiumPath = "/nowhere/chromium");
        await using var session = BackendTestSupport.Session(options, new FakeLogger<BackendSession>());

        var failure = await Assert.ThrowsAsync<BackendException>(() => session.EnsureLoggedInAsync(CancellationToken.None));

        Assert.Equal(BackendFailure.Configuration, failure.Kind);
        Assert.Contains("/nowhere/chromium", failure.Message, StringComparison.Ordinal);
        Assert.Empty(await RemainingAfterAsync(TimeSpan.FromSeconds(10)));
    }

    public void Dispose()
    {
        fixture.Sandbox.Faults.Reset();
        _folder.Delete(recursive: true);
    }

    /// <summary>The browser processes still alive once they had time to exit.</summary>
    private static async Task<IReadOnlyList<ProcessTree.Member>> RemainingAfterAsync(TimeSpan patience)
    {
        var deadline = TimeProvider.System.GetUtcNow() + patience;
        var remaining = ProcessTree.BrowserProcesses();
        while (remaining.Count > 0 && TimeProvider.System.GetUtcNow() < deadline)
        {
            await Task.Delay(100);
            remaining = ProcessTree.BrowserProcesses();
        }

        return remaining;
    }
}

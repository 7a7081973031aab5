using Andalan.Functions.Backend;
using Andalan.Functions.Tests.Fixtures;
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

    public void Dispose() => _folder.Delete(recursive: true);

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

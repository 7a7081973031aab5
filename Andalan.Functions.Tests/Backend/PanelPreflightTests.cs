using Andalan.Functions.Backend;
using Andalan.Functions.Exports;
using Andalan.Functions.Tests.Fixtures;
using Andalan.Sandbox.Faults;
using Microsoft.Extensions.Logging.Testing;

namespace Andalan.Functions.Tests.Backend;

[Collection(PanelBrowserGroup.Name)]
public sealed class PanelPreflightTests(SandboxFixture fixture) : IAsyncLifetime
{
    public Task InitializeAsync()
    {
        fixture.Sandbox.Faults.Reset();
        fixture.Sandbox.Calls.Clear();

        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        fixture.Sandbox.Faults.Reset();

        return Task.CompletedTask;
    }

    [Fact]
    public async Task CheckAsync_SandboxPanel_PassesLoginAndEveryPageWithoutDownloading()
    {
        await using var session = NewSession();
        var preflight = new PanelPreflight(session, BackendTestSupport.Exports);

        var results = await preflight.CheckAsync(CancellationToken.None);

        Assert.Equal(5, results.Count);
        Assert.All(results, r => Assert.True(r.Passed, $"{r.Check}: {r.Detail}"));
        Assert.Contains(results, r =>
            r.Check == "panel page users" && r.Detail.Contains("/reports/users", StringComparison.Ordinal));
        Assert.DoesNotContain(fixture.Sandbox.Calls.Calls(SandboxService.Panel),
            c => c.Path.Contains("/export", StringComparison.Ordinal) || c.Path.Contains("/data", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CheckAsync_ChangedFilterButton_FailsThatPageNamingTheSelector()
    {
        var exports = new ExportCatalog(BackendTestSupport.Exports.All.Select(e => e.Name == "transactions"
            ? BackendTestSupport.Export("transactions", page => page.FilterSubmit = "#btn-cari")
            : e));
        await using var session = NewSession();

        var results = await new PanelPreflight(session, exports).CheckAsync(CancellationToken.None);

        var failed = Assert.Single(results, r => !r.Passed);
        Assert.Equal("panel page transactions", failed.Check);
        Assert.Contains("'#btn-cari'", failed.Detail, StringComparison.Ordinal);
        Assert.Contains("/reports/transactions", failed.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckAsync_RefusedLogin_FailsLoginAndSkipsThePages()
    {
        fixture.Sandbox.Faults.Panel.RefuseLogins = true;
        await using var session = NewSession();

        var results = await new PanelPreflight(session, BackendTestSupport.Exports).CheckAsync(CancellationToken.None);

        Assert.False(results[0].Passed);
        Assert.Contains("refused", results[0].Detail, StringComparison.Ordinal);
        Assert.All(results.Skip(1), r => Assert.Equal("not checked: the login failed", r.Detail));
    }

    private BackendSession NewSession() =>
        BackendTestSupport.Session(
            BackendTestSupport.OptionsFor(
                fixture.Sandbox,
                o => o.EvidenceDirectory = Path.Combine(Path.GetTempPath(), "andalan-preflight-evidence")),
            new FakeLogger<BackendSession>());
}

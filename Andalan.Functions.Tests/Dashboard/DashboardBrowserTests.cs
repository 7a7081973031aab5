using System.Text.Json;
using Andalan.Functions.Tests.Fixtures;
using Microsoft.Playwright;

namespace Andalan.Functions.Tests.Dashboard;

/// <summary>
/// The dashboard as a person sees it in headless Chromium, served over HTTP from a history in Azurite.
/// Screenshots go to artifacts/test-results/dashboard/.
/// </summary>
public sealed class DashboardBrowserTests(DashboardSite site) : IClassFixture<DashboardSite>, IAsyncLifetime
{
    private const string Failed = "20261203-180000-b2";

    private static readonly string Screenshots = Path.Combine(RepositoryPaths.Root, "artifacts", "test-results", "dashboard");

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly List<string> _requests = [];
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        (_playwright, _browser) = await TestChromium.LaunchAsync();
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "id-ID",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        _page = await context.NewPageAsync();
        _page.Request += (_, request) => _requests.Add(request.Url);
        Directory.CreateDirectory(Screenshots);
    }

    public async Task DisposeAsync()
    {
        await site.FinishRunAsync();
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    [Fact]
    public async Task Page_HistoryWithSuccessesAndFailures_ShowsRunsStatusesAndCounts()
    {
        var response = await _page.GotoAsync(site.PageUrl.ToString());

        Assert.Equal(200, response!.Status);
        Assert.Equal(7, await _page.Locator("tbody.run").CountAsync());
        Assert.Equal("berhasil", await Status("20261204-080000-a1"));
        Assert.Equal("sebagian gagal", await Status(Failed));
        Assert.Equal("gagal", await Status("20261202-180000-d4"));
        Assert.Equal("berjalan", await Status("20261204-095500-a0"));
        var transactions = await Run("20261204-080000-a1").Locator("li[data-export='transactions']").InnerTextAsync();
        Assert.StartsWith("✓ transactions: 2.000 dibaca · 15 baru · 0 diperbarui · 1.985 tetap · 0 ditolak", transactions);
        Assert.Contains("1 menit 15 detik", await Run("20261204-080000-a1").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("✗ users: gagal setelah 2 percobaan · 48 detik",
            await Run(Failed).Locator("li[data-export='users']").InnerTextAsync());
        Assert.All(_requests, url => Assert.StartsWith(site.BaseUrl.GetLeftPart(UriPartial.Authority), url));

        await _page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "dashboard.png"), FullPage = true });
    }

    [Fact]
    public async Task Page_Charts_ShowOnePointPerRunOfTheLast30DaysInTimeOrder()
    {
        await _page.GotoAsync(site.PageUrl.ToString());
        var rows = _page.Locator("figure[data-export='transactions'] svg.rows circle");

        var json = await rows.EvaluateAllAsync<string>(
            "circles => JSON.stringify(circles.map(c => ({ title: c.querySelector('title').textContent, " +
            "x: c.cx.baseVal.value, y: c.cy.baseVal.value, failed: c.classList.contains('failed'), " +
            "visible: c.getBoundingClientRect().width > 0 })))");
        var points = JsonSerializer.Deserialize<Point[]>(json, Json)!;

        Assert.Equal(5, points.Length);
        Assert.All(points, p => Assert.True(p.Visible, p.Title));
        Assert.Equal(
        [
            "20261125-080000-e5 · 25 Nov 2026 08.00 WIB · 1.500 baris",
            "20261202-180000-d4 · 2 Des 2026 18.00 WIB · gagal",
            "20261203-080000-c3 · 3 Des 2026 08.00 WIB · 1.900 baris",
            "20261203-180000-b2 · 3 Des 2026 18.00 WIB · 1.950 baris",
            "20261204-080000-a1 · 4 Des 2026 08.00 WIB · 2.000 baris",
        ], points.OrderBy(p => p.X).Select(p => p.Title));
        var byRun = points.ToDictionary(p => p.Title[..18]);
        Assert.True(byRun["20261204-080000-a1"].Y < byRun["20261203-180000-b2"].Y, "more rows must sit higher");
        Assert.True(byRun["20261202-180000-d4"].Failed);
        Assert.Equal(points.Max(p => p.Y), byRun["20261202-180000-d4"].Y);
        var durations = await _page.Locator("figure[data-export='transactions'] svg.duration circle title").AllTextContentsAsync();
        Assert.Contains("20261203-080000-c3 · 3 Des 2026 08.00 WIB · 30,5 detik", durations);
        Assert.Equal(5, await _page.Locator("figure[data-export='users'] svg.rows circle").CountAsync());
    }

    [Fact]
    public async Task Page_FailedRun_ExpandsToErrorRetriesAndEvidence()
    {
        await _page.GotoAsync(site.PageUrl.ToString());
        var failed = Run(Failed);
        var error = failed.Locator("section[data-export='users'] .error");
        Assert.False(await error.IsVisibleAsync());

        await failed.Locator("summary").ClickAsync();

        Assert.True(await error.IsVisibleAsync());
        Assert.Equal(SampleHistory.LoginError, await error.InnerTextAsync());
        Assert.Equal(
        [
            "unduh, percobaan ke-1: Timeout 30000ms exceeded waiting for #export — dicoba lagi",
            "unduh, percobaan ke-2: " + SampleHistory.LoginError + " — tidak dicoba lagi",
        ], await failed.Locator("ol.retries li").AllInnerTextsAsync());
        var evidence = failed.Locator("p.files a");
        Assert.Equal(SampleHistory.Evidence, await evidence.AllInnerTextsAsync());
        Assert.Contains("Riwayat percobaan (pulih)", await Run("20261203-080000-c3").Locator("summary").InnerTextAsync(),
            StringComparison.Ordinal);

        await _page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(Screenshots, "dashboard-failed-run.png"),
            FullPage = true,
        });
    }

    [Fact]
    public async Task EvidenceLinks_OpenTheArchivedFilesWithTheirScriptsOff()
    {
        await _page.GotoAsync(site.PageUrl.ToString());
        await Run(Failed).Locator("summary").ClickAsync();
        var links = Run(Failed).Locator("p.files a");

        var screenshot = await _page.RunAndWaitForResponseAsync(() => links.Nth(0).ClickAsync(), IsFile);
        var png = await screenshot.BodyAsync();
        await _page.GoBackAsync();
        await Run(Failed).Locator("summary").ClickAsync();
        var pageCopy = await _page.RunAndWaitForResponseAsync(() => links.Nth(1).ClickAsync(), IsFile);
        await _page.WaitForLoadStateAsync();

        Assert.Equal(200, screenshot.Status);
        Assert.Equal("image/png", screenshot.Headers["content-type"]);
        Assert.Equal(DashboardSite.Screenshot, png);
        Assert.Equal(200, pageCopy.Status);
        Assert.Contains("sandbox", pageCopy.Headers["content-security-policy"], StringComparison.Ordinal);
        Assert.Equal("Password salah", await _page.Locator("p").InnerTextAsync());
        Assert.NotEqual("ran", await _page.TitleAsync());
    }

    [Fact]
    public async Task StartButton_PressedTwiceWhileTheRunGoes_StartsOneAndShowsTheRefusal()
    {
        await _page.GotoAsync(site.PageUrl.ToString());
        var button = _page.GetByRole(AriaRole.Button, new() { Name = "Jalankan sekarang" });

        var started = await _page.RunAndWaitForResponseAsync(() => button.ClickAsync(), IsStartPost);
        await _page.WaitForURLAsync(url => url.Contains("started=", StringComparison.Ordinal));
        var startedNotice = await _page.Locator("p.notice").InnerTextAsync();
        var runId = new Uri(_page.Url).Query.Split("started=")[1];
        var refused = await _page.RunAndWaitForResponseAsync(
            () => _page.GetByRole(AriaRole.Button, new() { Name = "Jalankan sekarang" }).ClickAsync(), IsStartPost);
        await _page.WaitForLoadStateAsync();
        var refusedNotice = await _page.Locator("p.notice").InnerTextAsync();
        await _page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "dashboard-409.png") });

        Assert.Equal(303, started.Status);
        Assert.Equal($"Run {runId} dimulai. Muat ulang halaman ini untuk melihat kemajuannya.", startedNotice);
        Assert.Contains($"Run {runId} sedang berjalan", await _page.Locator("p.current").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(409, refused.Status);
        Assert.StartsWith($"Run baru tidak dimulai: run {runId} masih berjalan", refusedNotice, StringComparison.Ordinal);
        Assert.Contains("problem", await _page.Locator("p.notice").GetAttributeAsync("class") ?? string.Empty,
            StringComparison.Ordinal);
        Assert.Equal(7, await _page.Locator("tbody.run").CountAsync());
    }

    private static bool IsFile(IResponse response) => response.Url.Contains("/api/dashboard/files/", StringComparison.Ordinal);

    private static bool IsStartPost(IResponse response) =>
        response.Request.Method == "POST" && response.Url.Contains("/api/dashboard/runs", StringComparison.Ordinal);

    private ILocator Run(string runId) => _page.Locator($"tbody.run[data-run='{runId}']");

    private Task<string> Status(string runId) => Run(runId).Locator("td.status").InnerTextAsync();

    private sealed record Point(string Title, double X, double Y, bool Failed, bool Visible);
}

using System.Text.RegularExpressions;
using Andalan.Functions.Dashboard;
using Andalan.Functions.Storage;

namespace Andalan.Functions.Tests.Dashboard;

public sealed partial class DashboardPageTests
{
    [Fact]
    public void Render_ErrorWithMarkup_ShowsItEscaped()
    {
        var runs = SampleHistory.Runs();

        var html = DashboardPage.Render(new DashboardView(runs, SampleHistory.Now));

        Assert.DoesNotContain("<b>password</b>", html, StringComparison.Ordinal);
        Assert.Contains("Login ditolak: &lt;b&gt;password&lt;/b&gt; salah &amp; akun &quot;admin&quot; dikunci", html,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Render_RunIdWithMarkup_CannotOpenATagOrAttribute()
    {
        var run = new RunRecord("x\"><script>alert(1)</script>", "<img src=x>", SampleHistory.Now.AddHours(-1),
            RunStatus.Failed, SampleHistory.Now, [new RunExportRecord("<svg onload=alert(1)>", false, 0, 0, 0, 0, 0, 1,
                TimeSpan.FromSeconds(1), "</details><script>x</script>", Files: ["a\"/b/<c>"])]);

        var html = DashboardPage.Render(new DashboardView([run], SampleHistory.Now, FileLink: name => "/f/" + name));

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<svg onload", html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, Count(html, "</details>"));
    }

    [Fact]
    public void Render_AnyHistory_LoadsNothingFromOutsideAndRunsNoScript()
    {
        var html = DashboardPage.Render(new DashboardView(
            SampleHistory.Runs(), SampleHistory.Now, StartAction: "/api/dashboard/runs?code=k", FileLink: n => "/f/" + n));

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(EventHandlerAttribute(), html);
        Assert.All(Urls(html), url => Assert.Equal("http://www.w3.org/2000/svg", url));
    }

    [Fact]
    public void Render_Charts_HaveOnePointPerRunInTheLast30DaysWithFailuresMarked()
    {
        var html = DashboardPage.Render(new DashboardView(SampleHistory.Runs(), SampleHistory.Now));
        var transactions = Figure(html, "transactions");

        var rows = Chart(transactions, "rows");
        var durations = Chart(transactions, "duration");

        Assert.Equal(5, Count(rows, "<circle"));
        Assert.Equal(5, Count(durations, "<circle"));
        Assert.Equal(1, Count(rows, "class=\"point failed\""));
        Assert.Contains("20261204-080000-a1 · 4 Des 2026 08.00 WIB · 2.000 baris", Titles(rows));
        Assert.Contains("20261202-180000-d4 · 2 Des 2026 18.00 WIB · gagal", Titles(rows));
        Assert.Contains("data-value=\"30.5\"", durations, StringComparison.Ordinal);
        Assert.DoesNotContain("20261020-080000-f6", transactions, StringComparison.Ordinal);
        Assert.Contains("<polyline", rows, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_StaticPage_HasNoFormAndNamesFilesWithoutLinks()
    {
        var html = DashboardPage.Render(new DashboardView(SampleHistory.Runs(), SampleHistory.Now));

        Assert.DoesNotContain("<form", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<a ", html, StringComparison.Ordinal);
        Assert.Contains("<code>" + SampleHistory.Evidence[0] + "</code>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_EmptyHistory_SaysThereAreNoRuns()
    {
        var html = DashboardPage.Render(new DashboardView([], SampleHistory.Now, StartAction: "/api/dashboard/runs"));

        Assert.Contains("Belum ada run dalam riwayat.", html, StringComparison.Ordinal);
        Assert.Contains("Belum ada run dalam 30 hari terakhir.", html, StringComparison.Ordinal);
        Assert.Contains("<form class=\"start\" method=\"post\" action=\"/api/dashboard/runs\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void From_StartRequestWithKey_LinksBackToThePageWithTheKey()
    {
        var links = DashboardLinks.From(new Uri("https://app.example/api/dashboard/runs?code=a+b%2F%3D&other=1"));

        Assert.Equal("/api/dashboard/runs?code=a%20b%2F%3D", links.StartAction);
        Assert.Equal("/api/dashboard?code=a%20b%2F%3D&started=run-1", links.AfterStart("run-1"));
        Assert.Equal("/api/dashboard/files/run-1/users/a%20b%23.png?code=a%20b%2F%3D", links.File("run-1/users/a b#.png"));
        Assert.Null(links.File("not-a-blob-name"));
    }

    [Theory]
    [InlineData("20261204-080000-ab12", true)]
    [InlineData("jadwal-20261204-0800", true)]
    [InlineData("<b>x</b>", false)]
    [InlineData("run with spaces", false)]
    [InlineData("", false)]
    public void NoticeForStarted_OnlyRunIds_GiveANotice(string runId, bool notice)
    {
        Assert.Equal(notice, RunDashboard.NoticeForStarted(runId) is not null);
    }

    private static string Figure(string html, string export)
    {
        var start = html.IndexOf($"<figure class=\"export-charts\" data-export=\"{export}\">", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no charts for {export}");

        return html[start..html.IndexOf("</figure>", start, StringComparison.Ordinal)];
    }

    private static string Chart(string figure, string kind)
    {
        var start = figure.IndexOf($"<svg class=\"chart {kind}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no {kind} chart");

        return figure[start..figure.IndexOf("</svg>", start, StringComparison.Ordinal)];
    }

    private static List<string> Titles(string svg) =>
        [.. TitlePattern().Matches(svg).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).Skip(1)];

    private static int Count(string text, string part) => Regex.Count(text, Regex.Escape(part));

    private static IEnumerable<string> Urls(string html) => UrlPattern().Matches(html).Select(m => m.Value);

    [GeneratedRegex("""<[a-zA-Z][^>]*\son[a-z]+\s*=""", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandlerAttribute();

    [GeneratedRegex("<title>([^<]*)</title>")]
    private static partial Regex TitlePattern();

    [GeneratedRegex("""https?://[^"'\s<>]+""")]
    private static partial Regex UrlPattern();
}

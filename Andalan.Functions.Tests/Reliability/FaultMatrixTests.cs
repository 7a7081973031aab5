using System.Text;
using Andalan.Functions.Workflow;
using Andalan.Sandbox.Faults;
using Andalan.Sandbox.Sheets;
using Xunit.Abstractions;

namespace Andalan.Functions.Tests.Reliability;

/// <summary>
/// One whole run per fault, through the Durable orchestration with the real activities against the sandbox's
/// fault switches. For each: the run ends as it should (recovered, or failed with a message that says what to
/// do), Telegram says so, every export that succeeded matches the panel's truth, nothing is duplicated, and an
/// export that failed left its tab as it was.
/// </summary>
[Collection(ReliabilityGroup.Name)]
public sealed class FaultMatrixTests(ReliabilityFixture pipeline, ITestOutputHelper output) : IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        pipeline.Reset();
        await AdvanceAsync(hours: 2);
    }

    public Task DisposeAsync()
    {
        pipeline.Reset();

        return Task.CompletedTask;
    }

    [Fact]
    public async Task Panel_Unreachable_EveryExportFailsAfterRetriesAndTabsStayAsTheyWere()
    {
        var before = Tabs("users", "coin_payments");
        pipeline.Sandbox.Faults.For(SandboxService.Panel).Unreachable = true;

        var summary = await RunAsync("users", "coin_payments");

        Assert.Equal(0, summary.Succeeded);
        foreach (var export in summary.Exports)
        {
            Assert.Equal(3, export.Failures.Count);
            Assert.All(export.Failures, f => Assert.Equal("download", f.Step));
            Assert.Contains("could not be reached", export.Error, StringComparison.OrdinalIgnoreCase);
        }

        await AssertTabsAsync(summary, before);
        AssertReport(summary, "❌", "Akan dicoba lagi", "could not be reached");
    }

    [Fact]
    public async Task Panel_SlowerThanTheNavigationTimeout_FailsNamingTheTimeoutSetting()
    {
        await pipeline.RunAsync(["users"]);
        var before = Tabs("users");
        pipeline.Sandbox.Faults.For(SandboxService.Panel).DelayMilliseconds = 9_000;

        var summary = await RunAsync("users");

        var users = Assert.Single(summary.Exports);
        Assert.False(users.Succeeded);
        Assert.Equal(3, users.Failures.Count);
        Assert.Contains("Andalan:Panel:NavigationTimeout", users.Error, StringComparison.Ordinal);
        await AssertTabsAsync(summary, before);
        AssertReport(summary, "❌", "NavigationTimeout");
    }

    [Fact]
    public async Task Panel_ServerErrorOnceOnOneExport_RetriedAndRecovered()
    {
        pipeline.Sandbox.Faults.Panel.ExportFaultCount = 1;
        pipeline.Sandbox.Faults.Panel.Exports["point_transactions"] = ExportFault.ServerError;

        var summary = await RunAsync("point_transactions", "users");

        Assert.True(summary.AllSucceeded, Errors(summary));
        var points = summary.Exports.Single(e => e.Export == "point_transactions");
        Assert.True(points.Recovered);
        Assert.Equal("download", Assert.Single(points.Failures).Step);
        await AssertTabsAsync(summary);
        AssertReport(summary, "✅", "Akan dicoba lagi", "pulih pada percobaan ke-2");
    }

    [Fact]
    public async Task Panel_ServerErrorPersists_ThatExportFailsAndTheOthersMatchTheTruth()
    {
        var before = Tabs("coin_payments");
        pipeline.Sandbox.Faults.Panel.Exports["coin_payments"] = ExportFault.ServerError;

        var summary = await RunAsync("coin_payments", "users");

        var coins = summary.Exports.Single(e => e.Export == "coin_payments");
        Assert.False(coins.Succeeded);
        Assert.Equal(3, coins.Failures.Count);
        Assert.True(summary.Exports.Single(e => e.Export == "users").Succeeded, Errors(summary));
        Assert.Contains("500", coins.Error, StringComparison.Ordinal);
        await AssertTabsAsync(summary, before);
        AssertReport(summary, "⚠️", "coin_payments", "Tidak dicoba lagi");
    }

    [Fact]
    public async Task Panel_SessionExpiresMidRun_LogsInAgainAndEveryTabMatches()
    {
        await pipeline.RunAsync(["users"]);
        pipeline.Sandbox.Calls.Clear();
        using var stop = new CancellationTokenSource();
        var expirer = ExpireSessionsAfterFirstDownloadAsync(stop.Token);

        var summary = await RunAsync(ReliabilityFixture.AllExports);
        await stop.CancelAsync();
        var expired = await expirer;

        Assert.True(expired, "The sessions were not expired during the run.");
        Assert.True(summary.AllSucceeded, Errors(summary));
        Assert.True(LoginPosts() >= 1, "The app did not log in again after its session expired.");
        await AssertTabsAsync(summary);
        AssertReport(summary, "✅");
    }

    [Fact]
    public async Task Panel_LoginRefused_NotRetriedAndSaysToCheckTheCredentials()
    {
        await pipeline.RestartAppAsync();
        var before = Tabs("users", "transactions");
        pipeline.Sandbox.Faults.Panel.RefuseLogins = true;
        pipeline.Sandbox.Calls.Clear();
        try
        {
            var summary = await RunAsync("users", "transactions");

            Assert.Equal(0, summary.Succeeded);
            Assert.All(summary.Exports, e => Assert.Single(e.Failures));
            Assert.All(summary.Exports, e =>
                Assert.Contains("Andalan:Panel:Username and Password", e.Error, StringComparison.Ordinal));
            Assert.Equal(1, LoginPosts());
            await AssertTabsAsync(summary, before);
            AssertReport(summary, "❌", "Tidak dicoba lagi", "Username and Password");
        }
        finally
        {
            pipeline.Reset();
            await pipeline.RestartAppAsync();
        }
    }

    [Fact]
    public async Task Panel_LoginThrottled_NoLoginPostedWhileThrottledAndSaysWhenToTryAgain()
    {
        await pipeline.RestartAppAsync();
        var before = Tabs("users");
        pipeline.Sandbox.Faults.Panel.ThrottleLoginSeconds = 120;
        pipeline.Sandbox.Calls.Clear();
        try
        {
            var summary = await RunAsync("users");

            var users = Assert.Single(summary.Exports);
            Assert.False(users.Succeeded);
            Assert.Contains("throttles logins: try again after", users.Error, StringComparison.Ordinal);
            Assert.Equal(1, LoginPosts());
            await AssertTabsAsync(summary, before);
            AssertReport(summary, "❌", "try again after");
        }
        finally
        {
            pipeline.Reset();
            await pipeline.RestartAppAsync();
        }
    }

    [Fact]
    public async Task Panel_Maintenance_FailsAfterRetriesSayingThePanelIsInMaintenance()
    {
        var before = Tabs("users");
        pipeline.Sandbox.Faults.Panel.Maintenance = true;

        var summary = await RunAsync("users");

        var users = Assert.Single(summary.Exports);
        Assert.False(users.Succeeded);
        Assert.Equal(3, users.Failures.Count);
        Assert.Contains("maintenance", users.Error, StringComparison.OrdinalIgnoreCase);
        await AssertTabsAsync(summary, before);
        AssertReport(summary, "❌", "maintenance");
    }

    [Fact]
    public async Task Panel_CorruptFile_RejectedAfterRetriesAndNothingWritten()
    {
        var before = Tabs("transactions");
        pipeline.Sandbox.Faults.Panel.Exports["transactions"] = ExportFault.Corrupt;

        var summary = await RunAsync("transactions", "users");

        var transactions = summary.Exports.Single(e => e.Export == "transactions");
        Assert.False(transactions.Succeeded);
        Assert.Equal(3, transactions.Failures.Count);
        Assert.True(summary.Exports.Single(e => e.Export == "users").Succeeded, Errors(summary));
        await AssertTabsAsync(summary, before);
        AssertReport(summary, "⚠️", "transactions");
    }

    [Fact]
    public async Task Panel_EmptyExport_SucceedsWithNoRowsAndDeletesNothing()
    {
        await pipeline.RunAsync(["users"]);
        var before = Tabs("users");
        pipeline.Sandbox.Faults.Panel.Exports["users"] = ExportFault.Empty;

        var summary = await RunAsync("users");

        var users = Assert.Single(summary.Exports);
        Assert.True(users.Succeeded, users.Error);
        Assert.Equal(0, users.Import!.RowsRead);
        Assert.Equal(before["users"], pipeline.TabLines("users"));
        AssertReport(summary, "✅", "Dibaca 0 baris");
    }

    [Fact]
    public async Task Panel_RenamedColumn_NotRetriedAndNamesTheColumn()
    {
        var before = Tabs("users");
        pipeline.Sandbox.Faults.Panel.Exports["users"] = ExportFault.RenamedColumn;

        var summary = await RunAsync("users");

        var users = Assert.Single(summary.Exports);
        Assert.False(users.Succeeded);
        Assert.Single(users.Failures);
        Assert.Contains("Level", users.Error, StringComparison.Ordinal);
        await AssertTabsAsync(summary, before);
        AssertReport(summary, "❌", "Tidak dicoba lagi", "Level");
    }

    [Fact]
    public async Task Sheets_TooManyRequestsForAWhile_RiddenOutAndEveryTabMatches()
    {
        pipeline.Sandbox.Faults.FailNext(SandboxService.Sheets, 4, 429);

        var summary = await RunAsync("transactions", "users");

        Assert.True(summary.AllSucceeded, Errors(summary));
        Assert.Contains(pipeline.Sandbox.Calls.Calls(SandboxService.Sheets), c => c.Status == 429);
        await AssertTabsAsync(summary);
        AssertReport(summary, "✅");
    }

    [Fact]
    public async Task Sheets_UnavailableLongerThanOneImport_ImportRetriedFromTheArchiveAndRecovered()
    {
        pipeline.Sandbox.Faults.FailNext(SandboxService.Sheets, 12, 503);

        var summary = await RunAsync("users");

        var users = Assert.Single(summary.Exports);
        Assert.True(users.Succeeded, users.Error);
        Assert.True(users.Recovered);
        Assert.All(users.Failures, f => Assert.Equal("import", f.Step));
        await AssertTabsAsync(summary);
        AssertReport(summary, "✅", "pulih pada percobaan");
    }

    [Fact]
    public async Task Sheets_TokenEndpointFails_ImportFailsSayingTheAccessTokenCouldNotBeHad()
    {
        await pipeline.RestartAppAsync();
        var before = Tabs("users");
        pipeline.Sandbox.Faults.FailNext(SandboxService.OAuth, 1_000, 500);

        var summary = await RunAsync("users");

        var users = Assert.Single(summary.Exports);
        Assert.False(users.Succeeded);
        Assert.All(users.Failures, f => Assert.Equal("import", f.Step));
        Assert.Contains("access token", users.Error, StringComparison.OrdinalIgnoreCase);
        await AssertTabsAsync(summary, before);
        AssertReport(summary, "❌", "access token");
    }

    [Fact]
    public async Task Sheets_TokenRefusedBeforeItExpires_NewTokenFetchedAndEveryTabMatches()
    {
        await pipeline.RunAsync(["users"]);
        var issued = pipeline.Sandbox.TokenIssuer().Issued;
        pipeline.Sandbox.TokenIssuer().ExpireAll();

        var summary = await RunAsync("users");

        Assert.True(summary.AllSucceeded, Errors(summary));
        Assert.Empty(summary.Exports[0].Failures);
        Assert.Equal(issued + 1, pipeline.Sandbox.TokenIssuer().Issued);
        await AssertTabsAsync(summary);
        AssertReport(summary, "✅");
    }

    [Fact]
    public async Task Sheets_TabDeletedByAPerson_LaidOutAgainAndMatchesTheTruth()
    {
        await pipeline.RunAsync(["users"]);
        Assert.True(SheetsEdits.DeleteTab(pipeline.Sandbox.Spreadsheet(), pipeline.Exports.Get("users").Tab));

        var summary = await RunAsync("users");

        Assert.True(summary.AllSucceeded, Errors(summary));
        Assert.Equal((await pipeline.TruthLinesAsync("users")).Count, summary.Exports[0].Import!.New);
        await AssertTabsAsync(summary);
        AssertReport(summary, "✅");
    }

    [Fact]
    public async Task Sheets_HeaderEditedByAPerson_RefusedWithoutWritingAndNamesTheColumn()
    {
        await pipeline.RunAsync(["users"]);
        var tab = pipeline.Exports.Get("users").Tab;
        SheetsEdits.SetText(pipeline.Sandbox.Spreadsheet(), tab, "C1", "Nama Lengkap");
        var before = Tabs("users");
        try
        {
            var summary = await RunAsync("users");

            var users = Assert.Single(summary.Exports);
            Assert.False(users.Succeeded);
            Assert.Single(users.Failures);
            Assert.Contains("Nama Lengkap", users.Error, StringComparison.Ordinal);
            Assert.Equal(before["users"], pipeline.TabLines("users"));
            AssertReport(summary, "❌", "Tidak dicoba lagi", "Nama Lengkap");
        }
        finally
        {
            SheetsEdits.SetText(pipeline.Sandbox.Spreadsheet(), tab, "C1", "email");
        }
    }

    [Fact]
    public async Task Telegram_Down_RunStillSucceedsAndWritesEverything()
    {
        pipeline.Sandbox.Faults.For(SandboxService.Telegram).Unreachable = true;

        var summary = await RunAsync("users", "coin_payments");

        Assert.True(summary.AllSucceeded, Errors(summary));
        await AssertTabsAsync(summary);
        Assert.Empty(pipeline.ChatTexts());
        Assert.Contains(pipeline.Logs.Lines, l => l.Contains("[4001]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Telegram_RateLimiting_EveryMessageArrivesAfterWaiting()
    {
        pipeline.Sandbox.Faults.FailNext(SandboxService.Telegram, 3, 429, retryAfterSeconds: 1);

        var summary = await RunAsync("users");

        Assert.True(summary.AllSucceeded, Errors(summary));
        await AssertTabsAsync(summary);
        // A good run is two messages, the start and the summary; the three 429s fell on the first, which waited.
        var chat = pipeline.ChatTexts();
        Assert.Equal(2, chat.Count);
        Assert.Contains("dimulai", chat[0], StringComparison.Ordinal);
        Assert.Contains("Ringkasan run", chat[1], StringComparison.Ordinal);
        AssertReport(summary, "✅");
    }

    private async Task<RunSummary> RunAsync(params string[] exports)
    {
        var logged = pipeline.Logs.Lines.Count;
        RunSummary summary;
        try
        {
            summary = await pipeline.RunAsync(exports);
        }
        catch (Exception)
        {
            var lines = pipeline.Logs.Lines.Skip(logged).Where(l => l.Contains("Andalan", StringComparison.Ordinal));
            foreach (var line in lines)
            {
                output.WriteLine(line);
            }

            throw;
        }

        output.WriteLine($"run {summary.RunId}: {summary.Succeeded} of {summary.Exports.Count} succeeded");
        foreach (var export in summary.Exports)
        {
            var status = export.Succeeded ? "ok" : "FAILED";
            output.WriteLine($"  {export.Export}: {status}, {export.Failures.Count} failed attempts");
            foreach (var failure in export.Failures)
            {
                output.WriteLine($"    {failure.Step} #{failure.Attempt}: {failure.Error}");
            }
        }

        foreach (var message in pipeline.ChatTexts())
        {
            output.WriteLine("  telegram: " + message.Replace("\n", " | ", StringComparison.Ordinal));
        }

        return summary;
    }

    private Dictionary<string, IReadOnlyList<string>> Tabs(params string[] exports) =>
        exports.ToDictionary(e => e, pipeline.TabLines);

    /// <summary>
    /// Every export that succeeded matches the truth; every export that failed left its tab as it was; no tab
    /// holds a key twice.
    /// </summary>
    private async Task AssertTabsAsync(RunSummary summary, Dictionary<string, IReadOnlyList<string>>? before = null)
    {
        foreach (var export in summary.Exports)
        {
            var check = await pipeline.CheckTabAsync(export.Export);
            Assert.Equal(0, check.Duplicated);
            if (export.Succeeded)
            {
                Assert.True(check.MatchesTruth, $"{export.Export} after the run: {check}");
            }
            else if (before is not null && before.TryGetValue(export.Export, out var lines))
            {
                Assert.Equal(lines, pipeline.TabLines(export.Export));
            }
        }
    }

    /// <summary>The last message is the run's summary, with its id, the icon and the words given.</summary>
    private void AssertReport(RunSummary summary, string icon, params string[] words)
    {
        var chat = pipeline.ChatTexts();
        Assert.NotEmpty(chat);
        var report = chat[^1];
        Assert.Contains(summary.RunId, report, StringComparison.Ordinal);
        Assert.StartsWith(icon, report, StringComparison.Ordinal);
        var all = string.Join("\n", chat);
        foreach (var word in words)
        {
            Assert.Contains(word, all, StringComparison.OrdinalIgnoreCase);
        }
    }

    private int LoginPosts() =>
        pipeline.Sandbox.Calls.Calls(SandboxService.Panel)
            .Count(c => c.Method == "POST" && c.Path.StartsWith("/login", StringComparison.Ordinal));

    private async Task<bool> ExpireSessionsAfterFirstDownloadAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            if (pipeline.Sandbox.Calls.Calls(SandboxService.Panel).Any(c =>
                c.Status == 200
                && (c.Path.Contains("/export", StringComparison.Ordinal)
                    || c.Path.Contains("/data", StringComparison.Ordinal))))
            {
                pipeline.Sandbox.Faults.Panel.SessionsValidFrom = DateTimeOffset.UtcNow;

                return true;
            }

            try
            {
                await Task.Delay(20, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return false;
    }

    private async Task AdvanceAsync(int hours)
    {
        using var body = new StringContent($$"""{"hours":{{hours}}}""", Encoding.UTF8, "application/json");
        (await pipeline.Control.PostAsync("/_sandbox/advance", body)).EnsureSuccessStatusCode();
    }

    private static string Errors(RunSummary summary) =>
        string.Join("; ", summary.Exports.Where(e => !e.Succeeded).Select(e => $"{e.Export}: {e.Error}"));
}

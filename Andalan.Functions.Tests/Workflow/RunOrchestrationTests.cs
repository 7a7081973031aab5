using Andalan.Functions.Backend;
using Andalan.Functions.Storage;
using Andalan.Functions.Workflow;
using Andalan.Sandbox.Faults;
using Microsoft.Extensions.DependencyInjection;

namespace Andalan.Functions.Tests.Workflow;

/// <summary>
/// Whole runs through the Durable orchestration with the real activities against the sandbox, Azurite and
/// Chromium. The tests share one pipeline; each compares the tabs with the panel's truth as it is then, and
/// clears the faults it set.
/// </summary>
[Collection(PipelineGroup.Name)]
public sealed class RunOrchestrationTests(PipelineFixture pipeline)
{
    private static readonly string[] AllExports = ["transactions", "point_transactions", "users", "coin_payments"];

    [Fact]
    public async Task Run_AllExports_EveryTabEqualsTheTruth()
    {
        var summary = await pipeline.RunAsync();

        Assert.True(summary.AllSucceeded, string.Join("; ", summary.Exports.Select(e => $"{e.Export}: {e.Error}")));
        Assert.Equal(AllExports, summary.Exports.Select(e => e.Export));
        foreach (var export in AllExports)
        {
            Assert.Equal(await pipeline.TruthLinesAsync(export), pipeline.TabLines(export));
        }

        var chat = pipeline.ChatTexts();
        Assert.Contains(chat, m => m.Contains(summary.RunId, StringComparison.Ordinal));

        // The run released the browser after its downloads; the idle timeout (20 s) alone would not have closed it.
        Assert.False(pipeline.Services.GetRequiredService<BackendSession>().IsBrowserOpen);

        // Each stage's time comes back through the orchestration, for the benchmark and the history.
        // (The fixture's browser may have started in an earlier test, so a start or login time can be 0 here.)
        Assert.All(summary.Exports, e =>
        {
            var download = e.Download!;
            Assert.True(
                download.BrowserStartSeconds + download.LoginSeconds <= download.Seconds,
                $"{e.Export}: stages exceed the download");
            var import = e.Import!;
            Assert.True(import.ReadSeconds > 0 && import.SyncSeconds > 0, $"{e.Export}: no read or sync time");
            Assert.True(import.ReadSeconds + import.SyncSeconds <= import.Seconds, $"{e.Export}: stages exceed the step");
            Assert.True(
                e.Export == "transactions" ? import.Pages == 1 : import.Pages > 1, $"{e.Export}: {import.Pages} pages");
        });
    }

    [Fact]
    public async Task Run_AfterDataAdvances_ChangesOnlyWhatChanged()
    {
        await pipeline.RunAsync();
        var before = AllExports.ToDictionary(e => e, e => pipeline.TabLines(e).ToHashSet(StringComparer.Ordinal));
        using var http = new HttpClient { BaseAddress = pipeline.Sandbox.Addresses.BaseUrl };
        using var body = new StringContent("""{"hours":6}""", System.Text.Encoding.UTF8, "application/json");
        (await http.PostAsync("/_sandbox/advance", body)).EnsureSuccessStatusCode();

        var summary = await pipeline.RunAsync();

        Assert.True(summary.AllSucceeded, string.Join("; ", summary.Exports.Select(e => $"{e.Export}: {e.Error}")));
        foreach (var export in AllExports)
        {
            var after = pipeline.TabLines(export);
            Assert.Equal(await pipeline.TruthLinesAsync(export), after);
            var import = summary.Exports.Single(e => e.Export == export).Import!;
            var rowsTouched = after.Count(line => !before[export].Contains(line));
            Assert.Equal(import.New + import.Updated, rowsTouched);
            Assert.Equal(before[export].Count + import.New, after.Count);
        }

        Assert.True(summary.Exports.Sum(e => e.Import!.New + e.Import.Updated) > 0, "Advancing the data changed nothing.");
    }

    [Fact]
    public async Task Run_OneExportFailsForGood_OthersSucceedAndReportSaysSo()
    {
        pipeline.Sandbox.Faults.Panel.Exports["users"] = ExportFault.RenamedColumn;
        try
        {
            var summary = await pipeline.RunAsync();

            var users = summary.Exports.Single(e => e.Export == "users");
            Assert.False(users.Succeeded);
            Assert.Contains("Level", users.Error, StringComparison.Ordinal);
            Assert.Single(users.Failures);
            Assert.Equal(3, summary.Succeeded);
            foreach (var export in AllExports.Where(e => e != "users"))
            {
                Assert.Equal(await pipeline.TruthLinesAsync(export), pipeline.TabLines(export));
            }

            var report = pipeline.ChatTexts()[^1];
            Assert.Contains(summary.RunId, report, StringComparison.Ordinal);
            Assert.Contains("users", report, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            pipeline.Sandbox.Faults.Reset();
        }
    }

    [Fact]
    public async Task Run_TransientServerError_IsRetriedAndRecovers()
    {
        pipeline.Sandbox.Faults.Panel.ExportFaultCount = 1;
        pipeline.Sandbox.Faults.Panel.Exports["transactions"] = ExportFault.ServerError;
        try
        {
            var summary = await pipeline.RunAsync(["transactions"]);

            var transactions = Assert.Single(summary.Exports);
            Assert.True(transactions.Succeeded, transactions.Error);
            Assert.True(transactions.Recovered);
            var failure = Assert.Single(transactions.Failures);
            Assert.Equal("download", failure.Step);
            Assert.True(failure.RetryFollows);
            Assert.Equal(await pipeline.TruthLinesAsync("transactions"), pipeline.TabLines("transactions"));

            // The dashboard's view of it: the retry and the failed attempt's evidence are in the history.
            var recorded = (await pipeline.Services.GetRequiredService<RunHistory>().GetAsync(summary.RunId))!.Exports!.Single();
            Assert.Equal([new RunAttemptRecord("download", 1, failure.Error, true)], recorded.Retries!);
            Assert.Contains(recorded.Evidence!, name => name.EndsWith(".png", StringComparison.Ordinal));
            Assert.Equal(failure.Evidence!, recorded.Evidence!);
            Assert.All(recorded.Evidence!, name => Assert.Contains(name, recorded.Files!));
        }
        finally
        {
            pipeline.Sandbox.Faults.Reset();
        }
    }

    [Fact]
    public async Task Start_TimerFiresAgainForAServedSlot_StartsNothing()
    {
        const string slot = "2026-12-04T18:00+07:00";
        var first = await pipeline.Coordinator.StartAsync(
            pipeline.Client, pipeline.Coordinator.CreateRequest("timer", null, false, slot), default);
        var summary = await pipeline.WaitForRunAsync();

        var again = await pipeline.Coordinator.StartAsync(
            pipeline.Client, pipeline.Coordinator.CreateRequest("timer", null, false, slot), default);

        Assert.Equal(RunStartStatus.Started, first.Status);
        Assert.Equal(first.RunId, summary.RunId);
        Assert.Equal("timer", summary.Trigger);
        Assert.Equal(RunStartStatus.SlotAlreadyServed, again.Status);
        Assert.Equal(first.RunId, again.RunId);
    }

    [Fact]
    public async Task Start_WhileARunIsGoing_IsRefused()
    {
        pipeline.Sandbox.Faults.For(SandboxService.Panel).DelayMilliseconds = 300;
        try
        {
            var first = await pipeline.StartAsync(exports: ["users"]);

            var second = await pipeline.StartAsync(exports: ["users"]);
            var timerForSameSlot = await pipeline.Coordinator.StartAsync(
                pipeline.Client, pipeline.Coordinator.CreateRequest("timer", null, false, "2026-12-03T08:00+07:00"), default);

            Assert.Equal(RunStartStatus.Started, first.Status);
            Assert.Equal(RunStartStatus.AlreadyRunning, second.Status);
            Assert.Equal(first.RunId, second.RunId);
            Assert.Equal(RunStartStatus.AlreadyRunning, timerForSameSlot.Status);
            await pipeline.WaitForRunAsync();
        }
        finally
        {
            pipeline.Sandbox.Faults.Reset();
        }
    }
}

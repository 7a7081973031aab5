using Andalan.Functions.Storage;
using Andalan.Functions.Workflow;

namespace Andalan.Functions.Tests.Workflow;

/// <summary>The workflow's own rules, over a scripted context: retries, what is not retried, what is reported.</summary>
public sealed class RunWorkflowTests
{
    private static readonly ArchivedFile File = new(
        "run-1", "users", "member.pdf", "run-1/users/member.pdf", "00", 10, "application/pdf", ArchivedFileKind.Download,
        DateTimeOffset.UnixEpoch);

    [Fact]
    public async Task ExecuteAsync_TransientDownloadFailure_RetriesAfterBackoffAndReportsTheRetry()
    {
        var context = new ScriptedContext();
        context.Downloads.Enqueue(DownloadOutcome.Failed("HTTP 500 on the export", retryable: true));
        context.Downloads.Enqueue(new DownloadOutcome(true, File, 1));

        var summary = await RunWorkflow.ExecuteAsync(context, Request(["users"]));

        var users = Assert.Single(summary.Exports);
        Assert.True(users.Succeeded);
        Assert.True(users.Recovered);
        Assert.Equal([TimeSpan.FromSeconds(10)], context.Delays);
        var notice = Assert.IsType<StepFailedInput>(Assert.Single(context.Calls, c => c.Step == RunSteps.NotifyStepFailed).Input);
        Assert.True(notice.RetryFollows);
        Assert.Equal(2, context.Calls.Count(c => c.Step == RunSteps.DownloadExport));
        Assert.DoesNotContain(context.Calls, c => c.Step == RunSteps.NotifyExportFailed);
        // The browser is kept for the retry and released only after it.
        Assert.True(context.IndexOf(RunSteps.ReleaseBrowser) > context.LastIndexOf(RunSteps.DownloadExport));
    }

    [Fact]
    public async Task ExecuteAsync_ThreeExports_DownloadsAllThenReleasesTheBrowserOnceThenImports()
    {
        var context = new ScriptedContext();
        context.Downloads.Enqueue(new DownloadOutcome(true, File, 1));
        context.Downloads.Enqueue(DownloadOutcome.Failed("The panel refused the login", retryable: false));
        context.Downloads.Enqueue(new DownloadOutcome(true, File, 1));

        var summary = await RunWorkflow.ExecuteAsync(context, Request(["users", "transactions", "coin_payments"]));

        Assert.Equal(2, summary.Succeeded);
        Assert.Equal("run-1", Assert.Single(context.Calls, c => c.Step == RunSteps.ReleaseBrowser).Input);
        var release = context.IndexOf(RunSteps.ReleaseBrowser);
        Assert.True(release > context.LastIndexOf(RunSteps.DownloadExport));
        Assert.True(release < context.IndexOf(RunSteps.ImportExport));
        Assert.Equal(2, context.Calls.Count(c => c.Step == RunSteps.ImportExport));
        // The export whose download failed is reported once, with the download's error.
        var failed = Assert.IsType<ExportFailedInput>(
            Assert.Single(context.Calls, c => c.Step == RunSteps.NotifyExportFailed).Input);
        Assert.Equal("transactions", failed.Result.Export);
        Assert.Null(failed.Result.Import);
    }

    [Fact]
    public async Task ExecuteAsync_ReleaseStepFails_RunStillSucceeds()
    {
        var context = new ScriptedContext { ReleaseThrows = true };
        context.Downloads.Enqueue(new DownloadOutcome(true, File, 1));

        var summary = await RunWorkflow.ExecuteAsync(context, Request(["users"]));

        Assert.True(summary.AllSucceeded);
        Assert.Single(context.Calls, c => c.Step == RunSteps.ReleaseBrowser);
        Assert.Equal(RunSteps.NotifyRunFinished, context.Calls[^1].Step);
    }

    [Fact]
    public async Task ExecuteAsync_RefusedLogin_IsNotRetriedAndOtherExportsGoOn()
    {
        var context = new ScriptedContext();
        context.Downloads.Enqueue(DownloadOutcome.Failed("The panel refused the login", retryable: false));
        context.Downloads.Enqueue(new DownloadOutcome(true, File, 1));

        var summary = await RunWorkflow.ExecuteAsync(context, Request(["users", "transactions"]));

        Assert.Equal(1, summary.Succeeded);
        Assert.Equal("The panel refused the login", summary.Exports.Single(e => !e.Succeeded).Error);
        Assert.Empty(context.Delays);
        Assert.DoesNotContain(context.Calls, c => c.Step == RunSteps.NotifyStepFailed);
        // Only the export that failed is reported on its own; the one that succeeded waits for the summary.
        var failed = Assert.IsType<ExportFailedInput>(
            Assert.Single(context.Calls, c => c.Step == RunSteps.NotifyExportFailed).Input);
        Assert.Equal(summary.Exports.Single(e => !e.Succeeded).Export, failed.Result.Export);
        Assert.Equal(RunSteps.NotifyRunFinished, context.Calls[^1].Step);
    }

    [Fact]
    public async Task ExecuteAsync_ImportThrowsEveryTime_GivesUpAfterMaxAttemptsWithoutDownloadingAgain()
    {
        var context = new ScriptedContext { ImportThrows = true };
        context.Downloads.Enqueue(new DownloadOutcome(true, File, 1));

        var summary = await RunWorkflow.ExecuteAsync(context, Request(["users"]));

        var users = Assert.Single(summary.Exports);
        Assert.False(users.Succeeded);
        Assert.Equal(3, users.Failures.Count);
        Assert.All(users.Failures, f => Assert.Equal("import", f.Step));
        Assert.Equal(1, context.Calls.Count(c => c.Step == RunSteps.DownloadExport));
        Assert.Equal([TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30)], context.Delays);
    }

    private static RunRequest Request(string[] exports) => new("run-1", "manual", exports, false, new RetryPolicy(3, 10, 3));

    private sealed class ScriptedContext : IRunContext
    {
        public Queue<DownloadOutcome> Downloads { get; } = new();

        public bool ImportThrows { get; init; }

        public bool ReleaseThrows { get; init; }

        public List<(string Step, object Input)> Calls { get; } = [];

        public List<TimeSpan> Delays { get; } = [];

        public DateTimeOffset Now { get; private set; } = DateTimeOffset.UnixEpoch;

        public Task<TResult> CallAsync<TResult>(string step, object input)
        {
            Calls.Add((step, input));
            object result = step switch
            {
                RunSteps.DownloadExport => Downloads.Dequeue(),
                RunSteps.ImportExport when ImportThrows => throw new StepFailedException(step, "the sheet did not answer"),
                RunSteps.ImportExport => new ImportOutcome(true, 5, 5, 0, 0, 0, 3, 1),
                RunSteps.ReleaseBrowser when ReleaseThrows => throw new StepFailedException(step, "the worker restarted"),
                _ => true,
            };

            return Task.FromResult((TResult)result);
        }

        public int IndexOf(string step) => Calls.FindIndex(c => c.Step == step);

        public int LastIndexOf(string step) => Calls.FindLastIndex(c => c.Step == step);

        public Task DelayAsync(TimeSpan delay)
        {
            Delays.Add(delay);
            Now += delay;

            return Task.CompletedTask;
        }

        public void ReportProgress(RunProgress progress)
        {
        }
    }
}

using Andalan.Functions.Workflow;
using Andalan.Sandbox.Faults;
using Andalan.Sandbox.Sheets;

namespace Andalan.Functions.Tests.Reliability;

/// <summary>A fault the soak can inject into a run, how to clear it, and what the run should then look like.</summary>
public sealed record SoakFault(
    string Name, Func<string, Task> ApplyAsync, Func<string, Task> ClearAsync, Func<RunSummary, string, bool> Expect);

/// <summary>The soak's faults; the target is one export, chosen at random, for faults that hit one.</summary>
public static class SoakFaults
{
    public static IReadOnlyList<SoakFault> All(ReliabilityFixture pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        var faults = pipeline.Sandbox.Faults;
        Func<string, Task> nothing = _ => Task.CompletedTask;
        Func<string, Task> restart = async _ =>
        {
            pipeline.Reset();
            await pipeline.RestartAppAsync();
        };

        var sheet = pipeline.Sandbox.Spreadsheet();
        string Tab(string export) => pipeline.Exports.Get(export).Tab;
        Func<string, Task> Export(ExportFault fault, int count = 0) => t => Do(() =>
        {
            faults.Panel.ExportFaultCount = count;
            faults.Panel.Exports[t] = fault;
        });
        Func<string, Task> Fail(SandboxService service, int count, int status, int retryAfter = 0) =>
            _ => Do(() => faults.FailNext(service, count, status, retryAfter));
        Func<string, Task> Unreachable(SandboxService service) => _ => Do(() => faults.For(service).Unreachable = true);

        return
        [
            new("none", nothing, nothing, AllSucceed),
            new("panel: 500 once", Export(ExportFault.ServerError, 1), nothing, TargetRecovers),
            new("panel: 500 persisting", Export(ExportFault.ServerError), nothing, OnlyTargetFails),
            new("panel: corrupt file once", Export(ExportFault.Corrupt, 1), nothing, TargetRecovers),
            new("panel: renamed column", Export(ExportFault.RenamedColumn), nothing, OnlyTargetFails),
            new("panel: empty export", Export(ExportFault.Empty), nothing,
                (s, t) => AllSucceed(s, t) && Result(s, t).Import!.RowsRead == 0),
            new("panel: sessions expired", _ => Do(() => faults.Panel.SessionsValidFrom = DateTimeOffset.UtcNow),
                nothing, AllSucceed),
            new("panel: maintenance", _ => Do(() => faults.Panel.Maintenance = true), nothing, NoneSucceed),
            new("panel: unreachable", Unreachable(SandboxService.Panel), nothing, NoneSucceed),
            new("panel: login refused", async t =>
            {
                await restart(t);
                faults.Panel.RefuseLogins = true;
            }, restart, NoneSucceed),
            new("sheets: 429 for a while", Fail(SandboxService.Sheets, 4, 429), nothing, AllSucceed),
            new("sheets: 503 past one import", Fail(SandboxService.Sheets, 12, 503), nothing, AllSucceed),
            new("sheets: token refused early", _ => Do(() => pipeline.Sandbox.TokenIssuer().ExpireAll()),
                nothing, AllSucceed),
            new("sheets: tab deleted", t => Do(() => SheetsEdits.DeleteTab(sheet, Tab(t))), nothing, AllSucceed),
            new("sheets: header edited",
                t => Do(() => SheetsEdits.SetText(sheet, Tab(t), "B1", "diubah")),
                t => Do(() => SheetsEdits.SetText(sheet, Tab(t), "B1", pipeline.Exports.Get(t).Fields[1].Name)),
                OnlyTargetFails),
            new("telegram: 429", Fail(SandboxService.Telegram, 3, 429, 1), nothing, AllSucceed),
            new("telegram: down", Unreachable(SandboxService.Telegram), nothing, AllSucceed),
        ];
    }

    private static Task Do(Action action)
    {
        action();

        return Task.CompletedTask;
    }

    private static ExportResult Result(RunSummary summary, string export) =>
        summary.Exports.Single(e => e.Export == export);

    private static bool TargetRecovers(RunSummary summary, string target) =>
        summary.AllSucceeded && Result(summary, target).Recovered;

    private static bool AllSucceed(RunSummary summary, string target) => summary.AllSucceeded;

    private static bool NoneSucceed(RunSummary summary, string target) => summary.Succeeded == 0;

    private static bool OnlyTargetFails(RunSummary summary, string target) =>
        summary.Exports.All(e => e.Succeeded == (e.Export != target));
}

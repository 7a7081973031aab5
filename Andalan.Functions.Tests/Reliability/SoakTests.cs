using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Andalan.Functions.Tests.Backend;
using Andalan.Functions.Workflow;
using Andalan.Sandbox.Faults;
using Andalan.Sandbox.Sheets;
using Xunit.Abstractions;

namespace Andalan.Functions.Tests.Reliability;

/// <summary>
/// Consecutive whole runs on one long-lived app (one browser, as a Functions worker keeps), the panel's data
/// advancing before each, a random fault injected into most; after each run every tab is compared with the
/// truth. In the suite it makes a few runs; <c>scripts/soak.sh</c> makes it run many (ANDALAN_SOAK_RUNS) and
/// write its report (ANDALAN_SOAK_REPORT, a folder).
/// </summary>
[Collection(ReliabilityGroup.Name)]
[Trait("Category", "Soak")]
public sealed class SoakTests(ReliabilityFixture pipeline, ITestOutputHelper output)
{
    [Fact]
    public async Task Soak_ConsecutiveRunsWithRandomFaults_NoRowLostOrDuplicatedAndNoGrowth()
    {
        var runs = int.TryParse(Environment.GetEnvironmentVariable("ANDALAN_SOAK_RUNS"), out var n) ? n : 6;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("ANDALAN_SOAK_SEED"), out var s)
            ? s
            : Environment.TickCount;
        var random = new Random(seed);
        var faults = SoakFaults.All(pipeline);
        var results = new List<SoakRun>();
        pipeline.Reset();
        await pipeline.RunAsync();
        var keys = ReliabilityFixture.AllExports.ToDictionary(e => e, pipeline.TabKeys);
        var started = Stopwatch.StartNew();

        for (var i = 1; i <= runs; i++)
        {
            pipeline.Reset();
            await pipeline.AdvanceAsync(hours: 1);
            var fault = i == 1 ? faults[0] : faults[random.Next(faults.Count)];
            var target = ReliabilityFixture.AllExports[random.Next(ReliabilityFixture.AllExports.Length)];
            await fault.ApplyAsync(target);
            var clock = Stopwatch.StartNew();
            RunSummary summary;
            try
            {
                summary = await pipeline.RunAsync();
            }
            finally
            {
                await fault.ClearAsync(target);
            }

            var run = await CheckAsync(i, fault, target, summary, keys, clock.Elapsed);
            results.Add(run);
            output.WriteLine(run.ToString());
            keys = ReliabilityFixture.AllExports.ToDictionary(e => e, pipeline.TabKeys);
        }

        var report = SoakReport.From(seed, results, started.Elapsed);
        output.WriteLine(report.Markdown());
        if (Environment.GetEnvironmentVariable("ANDALAN_SOAK_REPORT") is { Length: > 0 } folder)
        {
            report.Write(folder);
        }

        Assert.Equal(0, report.RowsLost);
        Assert.Equal(0, report.RowsDuplicated);
        Assert.Empty(results.Where(r => !r.AsExpected).Select(r => r.ToString()));
        Assert.True(report.BrowserProcessesLast <= report.BrowserProcessesFirst + 1,
            $"Browser processes grew from {report.BrowserProcessesFirst} to {report.BrowserProcessesLast}.");
    }

    private async Task<SoakRun> CheckAsync(
        int number, SoakFault fault, string target, RunSummary summary, Dictionary<string, HashSet<string>> keysBefore,
        TimeSpan took)
    {
        var lost = 0;
        var duplicated = 0;
        foreach (var export in ReliabilityFixture.AllExports)
        {
            var check = await pipeline.CheckTabAsync(export);
            duplicated += check.Duplicated;
            var result = summary.Exports.Single(e => e.Export == export);
            var servedEmpty = fault.Name == "panel: empty export" && export == target;
            if (result.Succeeded && !servedEmpty)
            {
                lost += check.Missing;
            }

            var truth = await pipeline.TruthLinesAsync(export);
            var truthKeys = truth.Select(l => l.Split(',')[0]).ToHashSet(StringComparer.Ordinal);
            var now = pipeline.TabKeys(export);
            lost += keysBefore[export].Count(k => !now.Contains(k) && truthKeys.Contains(k));
        }

        var browser = ProcessTree.BrowserProcesses();
        var browserPss = browser.Sum(p => ProcessTree.PssKib(p.Pid));
        var ownPss = ProcessTree.PssKib(Environment.ProcessId);
        var asExpected = fault.Expect(summary, target);

        return new SoakRun(
            number, fault.Name, fault.Name == "none" ? null : target, summary.Succeeded, summary.Failed,
            summary.Exports.Count(e => e.Recovered), lost, duplicated, browser.Count, browserPss / 1024.0,
            ownPss / 1024.0, took.TotalSeconds, asExpected);
    }
}

/// <summary>One soak run: the fault, how the exports ended, the tab checks and the process figures after it.</summary>
public sealed record SoakRun(
    int Number, string Fault, string? Target, int Succeeded, int Failed, int Recovered, int RowsLost,
    int RowsDuplicated, int BrowserProcesses, double BrowserPssMib, double ProcessPssMib, double Seconds,
    bool AsExpected)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"run {Number,3}: {Fault}{(Target is null ? string.Empty : $" ({Target})")}: " +
        $"{Succeeded} ok, {Failed} failed, " +
        $"{Recovered} recovered, lost {RowsLost}, duplicated {RowsDuplicated}, {BrowserProcesses} browser processes, " +
        $"browser {BrowserPssMib:0} MiB, test process {ProcessPssMib:0} MiB PSS, " +
        $"{Seconds:0.0} s{(AsExpected ? string.Empty : " UNEXPECTED")}");
}

/// <summary>The soak's figures, as Markdown and JSON.</summary>
public sealed record SoakReport(
    int Seed, int Runs, int FaultsInjected, int RunsRecovered, int RunsFailed, int ExportsSucceeded, int ExportsFailed,
    int ExportsRecovered, int RowsLost, int RowsDuplicated, int Unexpected, int BrowserProcessesFirst,
    int BrowserProcessesLast, int BrowserProcessesMax, double BrowserPssFirstQuarterMib,
    double BrowserPssLastQuarterMib, double BrowserPssMaxMib, double ProcessPssFirstMib, double ProcessPssLastMib, double Minutes,
    IReadOnlyList<SoakRun> Details)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static SoakReport From(int seed, IReadOnlyList<SoakRun> runs, TimeSpan took)
    {
        var faulted = runs.Where(r => r.Fault != "none").ToList();
        var quarter = Math.Max(1, runs.Count / 4);

        // Runs right after a worker restart (a refused login) have no browser; they would hide a trend.
        var browserUp = runs.Where(r => r.BrowserProcesses > 0).ToList();
        var browserQuarter = Math.Max(1, browserUp.Count / 4);

        return new SoakReport(
            seed, runs.Count, faulted.Count, faulted.Count(r => r.Failed == 0), faulted.Count(r => r.Failed > 0),
            runs.Sum(r => r.Succeeded), runs.Sum(r => r.Failed), runs.Sum(r => r.Recovered), runs.Sum(r => r.RowsLost),
            runs.Sum(r => r.RowsDuplicated), runs.Count(r => !r.AsExpected), runs[0].BrowserProcesses,
            runs[^1].BrowserProcesses, runs.Max(r => r.BrowserProcesses),
            browserUp.Take(browserQuarter).Select(r => r.BrowserPssMib).DefaultIfEmpty().Average(),
            browserUp.TakeLast(browserQuarter).Select(r => r.BrowserPssMib).DefaultIfEmpty().Average(),
            runs.Max(r => r.BrowserPssMib), runs.Take(quarter).Average(r => r.ProcessPssMib),
            runs.TakeLast(quarter).Average(r => r.ProcessPssMib), took.TotalMinutes, runs);
    }

    public string Markdown()
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"# Soak report ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, seed {Seed})").AppendLine()
            .AppendLine("| figure | value |").AppendLine("|---|---|")
            .AppendLine(c, $"| runs | {Runs} ({Minutes:0.0} min) |")
            .AppendLine(c, $"| faults injected | {FaultsInjected} |")
            .AppendLine(c, $"| runs with a fault that recovered (every export succeeded) | {RunsRecovered} |")
            .AppendLine(c, $"| runs with a fault that failed as expected (an export failed, saying why) | " +
                $"{RunsFailed} |")
            .AppendLine(c, $"| exports succeeded / failed / recovered after a failed attempt | " +
                $"{ExportsSucceeded} / {ExportsFailed} / {ExportsRecovered} |")
            .AppendLine(c, $"| rows lost | {RowsLost} |")
            .AppendLine(c, $"| rows duplicated | {RowsDuplicated} |")
            .AppendLine(c, $"| unexpected outcomes | {Unexpected} |")
            .AppendLine(c, $"| browser processes after the first / last run (max) | " +
                $"{BrowserProcessesFirst} / {BrowserProcessesLast} ({BrowserProcessesMax}) |")
            .AppendLine(c, $"| browser PSS (driver + Chromium), first / last quarter of runs with a browser (max) | " +
                $"{BrowserPssFirstQuarterMib:0} / {BrowserPssLastQuarterMib:0} MiB ({BrowserPssMaxMib:0}) |")
            .AppendLine(c, $"| test process PSS (app, in-process sandbox with its growing data, every log line " +
                $"kept), first / last quarter | {ProcessPssFirstMib:0} / {ProcessPssLastMib:0} MiB |")
            .AppendLine().AppendLine("```");
        foreach (var run in Details)
        {
            text.AppendLine(run.ToString());
        }

        return text.AppendLine("```").ToString();
    }

    public void Write(string folder)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "soak.md"), Markdown());
        File.WriteAllText(Path.Combine(folder, "soak.json"), JsonSerializer.Serialize(this, Indented));
    }
}

using Andalan.Sandbox.Faults;
using Andalan.Sandbox.Sheets;
using Andalan.Sandbox.Telegram;
using Xunit.Abstractions;

namespace Andalan.Functions.Tests.Reliability;

/// <summary>
/// Faults around the process itself, with the app's executable as a child process (the <c>run</c> verb):
/// Key Vault unreachable when it starts, and the process killed in the middle of an import and the run repeated.
/// </summary>
[Collection(ReliabilityGroup.Name)]
public sealed class ProcessFaultTests(ReliabilityFixture pipeline, ITestOutputHelper output)
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task Run_KeyVaultUnreachableAtStart_ExitsWithAMessageThatSaysWhatToCheck()
    {
        pipeline.Reset();
        pipeline.Sandbox.Faults.For(SandboxService.KeyVault).Unreachable = true;
        pipeline.Sandbox.Calls.Clear();
        try
        {
            using var app = AppProcess.Start(pipeline.ChildEnvironment(withVault: true), "run");

            var exit = await app.WaitAsync(RunTimeout);

            output.WriteLine(app.Error);
            Assert.Equal(2, exit);
            Assert.Contains("could not be read at start-up", app.Error, StringComparison.Ordinal);
            Assert.Contains("Andalan__KeyVault__VaultUri", app.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", app.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("Unhandled exception", app.Error, StringComparison.Ordinal);
            Assert.Empty(pipeline.Sandbox.Calls.Calls(SandboxService.Panel));
            Assert.Empty(pipeline.Sandbox.Calls.Calls(SandboxService.Sheets));
        }
        finally
        {
            pipeline.Reset();
        }
    }

    [Fact]
    public async Task Run_KilledDuringTheImportThenRepeated_EveryTabEqualsTheTruthWithoutDuplicates()
    {
        pipeline.Reset();
        foreach (var export in ReliabilityFixture.AllExports)
        {
            SheetsEdits.DeleteTab(pipeline.Sandbox.Spreadsheet(), pipeline.Exports.Get(export).Tab);
        }

        pipeline.Sandbox.Calls.Clear();
        var environment = pipeline.ChildEnvironment();
        using (var first = AppProcess.Start(environment, "run"))
        {
            var written = await FirstSheetsWriteAsync(first, RunTimeout);
            first.Kill();
            output.WriteLine($"killed after the first Sheets write ({written}); stderr:\n{first.Error}");
        }

        var partly = ReliabilityFixture.AllExports.Select(e => pipeline.TabLines(e).Count).ToList();
        using var second = AppProcess.Start(environment, "run");
        var exit = await second.WaitAsync(RunTimeout);

        output.WriteLine($"rows per tab after the kill: {string.Join(", ", partly)}; second run:\n{second.Output}");
        Assert.Equal(0, exit);
        var truth = await Task.WhenAll(ReliabilityFixture.AllExports.Select(pipeline.TruthLinesAsync));
        Assert.True(
            partly.Sum() < truth.Sum(t => t.Count), "The first run was not killed before it had written everything.");
        foreach (var export in ReliabilityFixture.AllExports)
        {
            var check = await pipeline.CheckTabAsync(export);
            Assert.True(check.MatchesTruth, check.ToString());
            Assert.Equal(check.TruthRows, check.Rows);
        }

        Assert.Contains(pipeline.ChatTexts(), m => m.Contains("Ringkasan run", StringComparison.Ordinal));
    }

    /// <summary>Waits until the sandbox has answered the first write to a tab's cells.</summary>
    private async Task<string> FirstSheetsWriteAsync(AppProcess app, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            var write = pipeline.Sandbox.Calls.Calls(SandboxService.Sheets).FirstOrDefault(c =>
                c.Method is "POST" or "PUT" && c.Path.Contains("/values", StringComparison.Ordinal) && c.Status == 200);
            if (write is not null)
            {
                return write.Path;
            }

            await Task.Delay(10);
        }

        app.Kill();
        Assert.Fail($"No Sheets write within {timeout}. stderr:\n{app.Error}");

        return string.Empty;
    }
}

using System.Globalization;
using Andalan.Functions.Tests.Fixtures;
using Andalan.Sandbox.Faults;
using Andalan.Sandbox.Sheets;
using Xunit.Abstractions;

namespace Andalan.Functions.Tests.Sheets;

/// <summary>
/// The call bound at scale: at most 3 calls plus one per 40,000 cells written, no body over 2 MB (the sandbox
/// answers 413 above that). scripts/bench-sheets.sh runs this test and prints the timings it writes.
/// </summary>
public sealed class SheetSyncScaleTests(ITestOutputHelper output)
{
    private const int Rows = 100_000;

    [Fact]
    public async Task SyncAsync_100kRowsThenChanges_StaysWithinCallBound()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        sandbox.SheetsLimits().MaxRequestBytes = 2 * 1024 * 1024;
        await using var app = new SheetsAppHost(sandbox);
        var export = app.Export("transactions", "Transaksi");
        var records = TransactionRecords.Create(Rows);

        var first = await app.Sync().SyncAsync(export, records, dryRun: false, CancellationToken.None);
        var firstCalls = sandbox.Calls.Calls(SandboxService.Sheets).Count;
        for (var i = 0; i < Rows; i += 100)
        {
            records[i] = TransactionRecords.With(records[i], 8, "Dikembalikan");
        }

        records.AddRange(TransactionRecords.Create(2_000, start: Rows + 1));
        var second = await app.Sync().SyncAsync(export, records, dryRun: false, CancellationToken.None);
        var secondCalls = sandbox.Calls.Calls(SandboxService.Sheets).Count - firstCalls;

        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"bench: first load {first.New:N0} rows, {first.CellsWritten:N0} cells, {first.ApiCalls} calls, " +
            $"{first.Elapsed.TotalSeconds:0.0} s"));
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"bench: re-sync {second.New:N0} new, {second.Changed:N0} changed, {second.Unchanged:N0} unchanged, " +
            $"{second.ApiCalls} calls, {second.Elapsed.TotalSeconds:0.0} s"));
        var values = sandbox.Spreadsheet().Snapshot("Transaksi", formatted: false)!;
        Assert.Equal((Rows, 0L), (first.New, (long)first.Rejected));
        Assert.True(first.ApiCalls <= Bound(first.CellsWritten), $"{first.ApiCalls} calls, {first.CellsWritten} cells");
        Assert.Equal(first.ApiCalls, firstCalls);
        Assert.Equal((2_000, 1_000, Rows - 1_000), (second.New, second.Changed, second.Unchanged));
        Assert.True(
            second.ApiCalls <= Bound(second.CellsWritten), $"{second.ApiCalls} calls, {second.CellsWritten} cells");
        Assert.Equal(second.ApiCalls, secondCalls);
        Assert.All(sandbox.Calls.Calls(SandboxService.Sheets), c => Assert.Equal(200, c.Status));
        Assert.Equal(Rows + 2_000 + 1, values.Count);
        Assert.Equal("Dikembalikan", values[1 + 50_000][8]);
        Assert.Equal(records[^1].Values[0], values[^1][0]);
    }

    private static int Bound(long cells) => 3 + (int)Math.Ceiling(cells / 40_000d);
}

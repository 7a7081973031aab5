using Andalan.Functions.Exports;
using Andalan.Functions.Sheets;
using Andalan.Functions.Tests.Fixtures;
using Andalan.Sandbox.Faults;
using Andalan.Sandbox.Sheets;

namespace Andalan.Functions.Tests.Sheets;

/// <summary>The sync against the sandbox's Sheets over real HTTP, with Google's auth, quotas and limits.</summary>
public sealed class SheetSyncTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private static readonly DateTime SerialEpoch = new(1899, 12, 30, 0, 0, 0, DateTimeKind.Unspecified);

    [Fact]
    public async Task SyncAsync_FirstLoad_TabHoldsHeaderAndRecordsTypedAndFormatted()
    {
        await using var app = new SheetsAppHost(fixture.Sandbox);
        var export = app.Export("transactions", "First Load");
        var records = TransactionRecords.Create(40);
        var tokensBefore = fixture.Sandbox.TokenIssuer().Issued;

        var outcome = await app.Sync().SyncAsync(export, records, dryRun: false, CancellationToken.None);

        var values = fixture.Sandbox.Spreadsheet().Snapshot("First Load", formatted: false)!;
        var shown = fixture.Sandbox.Spreadsheet().Snapshot("First Load", formatted: true)!;
        var tab = fixture.Sandbox.Spreadsheet().Tabs.Single(t => t.Title == "First Load");
        Assert.Equal((40, 0, 0, 0), (outcome.New, outcome.Changed, outcome.Unchanged, outcome.Rejected));
        Assert.Equal((true, 3), (outcome.TabCreated, outcome.ApiCalls));
        Assert.Equal(export.Fields.Select(f => (object?)f.Name), values[0]);
        Assert.Equal(records.Select(Expected), values.Skip(1).Select(r => r.ToList()));
        Assert.Equal(1, tab.FrozenRowCount);
        Assert.Equal("2025-09-14 08:22:01", shown[1][1]);
        Assert.Equal("Rp 16,250", shown[1][5]);
        Assert.Equal(1, fixture.Sandbox.TokenIssuer().Issued - tokensBefore);
    }

    [Fact]
    public async Task SyncAsync_SecondIdenticalLoad_WritesNothing()
    {
        await using var app = new SheetsAppHost(fixture.Sandbox);
        var export = app.Export("transactions", "Twice");
        var records = TransactionRecords.Create(30);
        await app.Sync().SyncAsync(export, records, dryRun: false, CancellationToken.None);
        var callsBefore = fixture.Sandbox.Calls.Calls(SandboxService.Sheets).Count;

        var outcome = await app.Sync().SyncAsync(export, records, dryRun: false, CancellationToken.None);

        var calls = fixture.Sandbox.Calls.Calls(SandboxService.Sheets).Skip(callsBefore).ToList();
        Assert.Equal((0, 0, 30, 0L), (outcome.New, outcome.Changed, outcome.Unchanged, outcome.CellsWritten));
        Assert.Equal(2, outcome.ApiCalls);
        Assert.Equal(2, calls.Count);
        Assert.All(calls, c => Assert.Equal("GET", c.Method));
    }

    [Fact]
    public async Task SyncAsync_TwoExportsAtOnce_EachCountsOnlyItsOwnCalls()
    {
        await using var app = new SheetsAppHost(fixture.Sandbox);
        var first = app.Export("transactions", "Parallel One");
        var second = app.Export("transactions", "Parallel Two");
        var sync = app.Sync();
        var callsBefore = fixture.Sandbox.Calls.Calls(SandboxService.Sheets).Count;

        var outcomes = await Task.WhenAll(
            Task.Run(() => sync.SyncAsync(first, TransactionRecords.Create(25), dryRun: false, CancellationToken.None)),
            Task.Run(() => sync.SyncAsync(second, TransactionRecords.Create(35), dryRun: false, CancellationToken.None)));

        var calls = fixture.Sandbox.Calls.Calls(SandboxService.Sheets).Count - callsBefore;
        Assert.All(outcomes, o => Assert.Equal(3, o.ApiCalls));
        Assert.Equal(calls, outcomes.Sum(o => o.ApiCalls));
    }

    [Fact]
    public async Task SyncAsync_ChangedRecord_UpdatesOnlyItsChangedCellsInPlace()
    {
        await using var app = new SheetsAppHost(fixture.Sandbox);
        var export = app.Export("transactions", "Changed");
        var records = TransactionRecords.Create(20);
        await app.Sync().SyncAsync(export, records, dryRun: false, CancellationToken.None);
        records[4] = TransactionRecords.With(records[4], 8, "Selesai");
        records[4] = TransactionRecords.With(records[4], 5, 99_000L);
        records[9] = TransactionRecords.With(records[9], 3, null);

        var outcome = await app.Sync().SyncAsync(export, records, dryRun: false, CancellationToken.None);

        var values = fixture.Sandbox.Spreadsheet().Snapshot("Changed", formatted: false)!;
        Assert.Equal((0, 2, 18), (outcome.New, outcome.Changed, outcome.Unchanged));
        Assert.Equal((3L, 3), (outcome.CellsWritten, outcome.ApiCalls));
        Assert.Equal(21, values.Count);
        Assert.Equal(Expected(records[4]), values[5]);
        Assert.Equal(Expected(records[9]), values[10]);
    }

    [Fact]
    public async Task SyncAsync_PersonsColumnAndFormulasToTheRight_Survive()
    {
        await using var app = new SheetsAppHost(fixture.Sandbox);
        using var person = new SandboxSheetsCaller(fixture.Sandbox);
        await person.AuthorizeAsync();
        var export = app.Export("transactions", "Shared");
        var records = TransactionRecords.Create(10);
        await app.Sync().SyncAsync(export, records, dryRun: false, CancellationToken.None);
        var notes = new[] { new object[] { "catatan", "dua kali" } }
            .Concat(Enumerable.Range(2, 10).Select(r => new object[] { $"cek {r}", $"=F{r}*2" })).ToArray();
        var (status, _) = await person.WriteAsync("Shared!J1", notes, "USER_ENTERED");
        Assert.Equal(200, status);
        records[2] = TransactionRecords.With(records[2], 5, 1_000_000L);
        records.AddRange(TransactionRecords.Create(5, start: 500));

        var outcome = await app.Sync().SyncAsync(export, records, dryRun: false, CancellationToken.None);

        var (_, formulas) = await person.ReadAsync("Shared!J1:K16", "valueRenderOption=FORMULA");
        var values = fixture.Sandbox.Spreadsheet().Snapshot("Shared", formatted: false)!;
        Assert.Equal((5, 1), (outcome.New, outcome.Changed));
        Assert.Equal("=F4*2", formulas.GetProperty("values")[3][1].GetString());
        Assert.Equal("cek 11", formulas.GetProperty("values")[10][0].GetString());
        Assert.Equal(2_000_000d, values[3][10]);
        Assert.Equal(16, values.Count);
        Assert.Equal(Expected(records[^1]), values[15]);
    }

    [Fact]
    public async Task SyncAsync_FormulaLikeTextAndLeadingZeros_StayTextVerbatim()
    {
        await using var app = new SheetsAppHost(fixture.Sandbox);
        using var person = new SandboxSheetsCaller(fixture.Sandbox);
        await person.AuthorizeAsync();
        var export = app.Export("transactions", "Traps");
        var records = TransactionRecords.Create(4);
        records[0] = TransactionRecords.With(records[0], 2, "=HYPERLINK(\"https://evil.test\",\"klik\")");
        records[1] = TransactionRecords.With(records[1], 2, "+62 812-3456");
        records[2] = TransactionRecords.With(records[2], 2, "@SUM(A1:A9)");
        records[3] = TransactionRecords.With(records[3], 3, "081234567890");

        await app.Sync().SyncAsync(export, records, dryRun: false, CancellationToken.None);

        var (_, formulas) = await person.ReadAsync("Traps!C2:D5", "valueRenderOption=FORMULA");
        var cells = formulas.GetProperty("values");
        Assert.Equal("=HYPERLINK(\"https://evil.test\",\"klik\")", cells[0][0].GetString());
        Assert.Equal("+62 812-3456", cells[1][0].GetString());
        Assert.Equal("@SUM(A1:A9)", cells[2][0].GetString());
        Assert.Equal("081234567890", cells[3][1].GetString());
        Assert.Equal("081234567890", fixture.Sandbox.Spreadsheet().Snapshot("Traps", formatted: true)![4][3]);
    }

    [Fact]
    public async Task SyncAsync_SmallEmptyTabAPersonMade_GrowsItAndLaysItOut()
    {
        await using var app = new SheetsAppHost(fixture.Sandbox);
        using var person = new SandboxSheetsCaller(fixture.Sandbox);
        await person.AuthorizeAsync();
        var small = new { title = "Kosong", gridProperties = new { rowCount = 3, columnCount = 5 } };
        var (status, _) = await person.SendAsync(
            HttpMethod.Post, ":batchUpdate", new { requests = new[] { new { addSheet = new { properties = small } } } });
        Assert.Equal(200, status);
        var export = app.Export("transactions", "Kosong");
        var records = TransactionRecords.Create(10);

        var outcome = await app.Sync().SyncAsync(export, records, dryRun: false, CancellationToken.None);

        var tab = fixture.Sandbox.Spreadsheet().Tabs.Single(t => t.Title == "Kosong");
        var values = fixture.Sandbox.Spreadsheet().Snapshot("Kosong", formatted: false)!;
        Assert.Equal((10, true, 4), (outcome.New, outcome.TabCreated, outcome.ApiCalls));
        Assert.Equal((11, 9, 1), (tab.RowCount, tab.ColumnCount, tab.FrozenRowCount));
        Assert.Equal(records.Select(Expected), values.Skip(1).Select(r => r.ToList()));
    }

    [Fact]
    public async Task SyncAsync_RenamedColumn_RefusesNamingItAndWritesNothing()
    {
        await using var app = new SheetsAppHost(fixture.Sandbox);
        using var person = new SandboxSheetsCaller(fixture.Sandbox);
        await person.AuthorizeAsync();
        var export = app.Export("transactions", "Renamed");
        await app.Sync().SyncAsync(export, TransactionRecords.Create(5), dryRun: false, CancellationToken.None);
        await person.WriteAsync("Renamed!D1", [["no_hp"]]);
        var callsBefore = fixture.Sandbox.Calls.Calls(SandboxService.Sheets).Count;

        var refused = await Assert.ThrowsAsync<SheetsRefusedException>(() =>
            app.Sync().SyncAsync(export, TransactionRecords.Create(8), dryRun: false, CancellationToken.None));

        Assert.Contains("column D should be 'member_phone' but is 'no_hp'", refused.Message, StringComparison.Ordinal);
        Assert.Equal("Renamed", refused.Tab);
        Assert.All(CallsSince(callsBefore), c => Assert.Equal("GET", c.Method));
        Assert.Equal(6, fixture.Sandbox.Spreadsheet().Snapshot("Renamed", formatted: false)!.Count);
    }

    [Fact]
    public async Task SyncAsync_DryRun_ReportsPlanAndWritesNothing()
    {
        await using var app = new SheetsAppHost(fixture.Sandbox);
        var export = app.Export("transactions", "Dry");
        var records = TransactionRecords.Create(10);
        await app.Sync().SyncAsync(export, records, dryRun: false, CancellationToken.None);
        records[0] = TransactionRecords.With(records[0], 8, "Batal");
        records.AddRange(TransactionRecords.Create(3, start: 100));
        records.Add(TransactionRecords.With(records[1], 8, "duplicate in the export"));
        var callsBefore = fixture.Sandbox.Calls.Calls(SandboxService.Sheets).Count;

        var outcome = await app.Sync().SyncAsync(export, records, dryRun: true, CancellationToken.None);

        Assert.True(outcome.DryRun);
        Assert.Equal((3, 1, 9, 1), (outcome.New, outcome.Changed, outcome.Unchanged, outcome.Rejected));
        Assert.Contains("appears again", outcome.Rejections[0].Reason, StringComparison.Ordinal);
        Assert.All(CallsSince(callsBefore), c => Assert.Equal("GET", c.Method));
        Assert.Equal(11, fixture.Sandbox.Spreadsheet().Snapshot("Dry", formatted: false)!.Count);
    }

    [Fact]
    public async Task SyncAsync_KeyTwiceInTabAndOverlongCell_ReportsBothAndWritesTheRest()
    {
        await using var app = new SheetsAppHost(fixture.Sandbox);
        using var person = new SandboxSheetsCaller(fixture.Sandbox);
        await person.AuthorizeAsync();
        var export = app.Export("transactions", "Messy");
        var records = TransactionRecords.Create(6);
        await app.Sync().SyncAsync(export, records, dryRun: false, CancellationToken.None);
        var (status, _) = await person.AppendAsync("Messy!A:A", [["INV/2025/09/000003"]]);
        Assert.Equal(200, status);
        records.Add(TransactionRecords.With(TransactionRecords.Create(1, start: 77)[0], 2, new string('x', 50_001)));
        records.Add(TransactionRecords.Create(1, start: 78)[0]);

        var outcome = await app.Sync().SyncAsync(export, records, dryRun: false, CancellationToken.None);

        var keys = fixture.Sandbox.Spreadsheet().Snapshot("Messy", formatted: false)!.Select(r => r[0]).ToList();
        Assert.Equal(["INV/2025/09/000003"], outcome.DuplicateKeysInTab);
        Assert.Equal((1, 1), (outcome.New, outcome.Rejected));
        Assert.Contains("50,001 characters", outcome.Rejections[0].Reason, StringComparison.Ordinal);
        Assert.Single(keys, k => (string?)k == "INV/2025/09/000078");
        Assert.DoesNotContain("INV/2025/09/000077", keys);
    }

    [Fact]
    public async Task SyncAsync_NoRoomUnderCellLimit_RefusesWithRoomLeft()
    {
        await using var app = new SheetsAppHost(
            fixture.Sandbox, new Dictionary<string, string?> { ["Andalan:Sheets:CellLimit"] = "10000" });
        var export = app.Export("transactions", "Full");
        var used = fixture.Sandbox.Spreadsheet().GridCells;

        var refused = await Assert.ThrowsAsync<SheetsRefusedException>(() =>
            app.Sync().SyncAsync(export, TransactionRecords.Create(50), dryRun: false, CancellationToken.None));

        Assert.True(used > 10_000);
        Assert.Contains("has room for 0 more cells", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.Sandbox.Spreadsheet().Tabs, t => t.Title == "Full");
    }

    [Fact]
    public async Task SyncAsync_429Storm_RiddenOutWithRetryAfter()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        await using var app = new SheetsAppHost(sandbox);
        var export = app.Export("transactions", "Transaksi");
        var records = TransactionRecords.Create(25);
        sandbox.Faults.FailNext(SandboxService.Sheets, 4, status: 429, retryAfterSeconds: 1);

        var outcome = await app.Sync().SyncAsync(export, records, dryRun: false, CancellationToken.None);

        Assert.Equal((25, 4, 3), (outcome.New, outcome.Retries, outcome.ApiCalls));
        var values = sandbox.Spreadsheet().Snapshot("Transaksi", formatted: false)!;
        Assert.Equal(records.Select(Expected), values.Skip(1).Select(r => r.ToList()));
        Assert.Equal(4, sandbox.Calls.Calls(SandboxService.Sheets).Count(c => c.Status == 429));
    }

    [Fact]
    public async Task SyncAsync_FailuresBeyondBudget_ThrowsWithApiMessage()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        await using var app = new SheetsAppHost(
            sandbox, new Dictionary<string, string?> { ["Andalan:Sheets:RetryBudget"] = "00:00:00.300" });
        sandbox.Faults.FailNext(SandboxService.Sheets, 50, status: 503);

        var failure = await Assert.ThrowsAsync<SheetsApiException>(() =>
            app.Sync().SyncAsync(app.Export("users", "Users"), [], dryRun: false, CancellationToken.None));

        Assert.Equal(503, failure.StatusCode);
        Assert.Equal("UNAVAILABLE", failure.Status);
        Assert.DoesNotContain("ya29", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckAsync_MissingMatchingAndRenamedTabs_OneLineEach()
    {
        await using var app = new SheetsAppHost(fixture.Sandbox);
        using var person = new SandboxSheetsCaller(fixture.Sandbox);
        await person.AuthorizeAsync();
        var good = app.Export("users", "Check Good");
        var renamed = app.Export("coin_payments", "Check Renamed");
        var missing = app.Export("point_transactions", "Check Missing");
        await app.Sync().SyncAsync(good, [], dryRun: false, CancellationToken.None);
        await app.Sync().SyncAsync(renamed, [], dryRun: false, CancellationToken.None);
        await person.WriteAsync("'Check Renamed'!B1", [["tanggal"]]);

        var results = await app.Sync().CheckAsync([good, renamed, missing], CancellationToken.None);

        Assert.Equal(4, results.Count);
        Assert.True(results[0].Passed, results[0].Detail);
        Assert.True(results[1].Passed, results[1].Detail);
        Assert.False(results[2].Passed);
        Assert.Contains("column B should be 'paid_at' but is 'tanggal'", results[2].Detail, StringComparison.Ordinal);
        Assert.True(results[3].Passed);
        Assert.Contains("creates it", results[3].Detail, StringComparison.Ordinal);
    }

    /// <summary>A record as UNFORMATTED_VALUE shows it: numbers, serial dates, text, "" for empty.</summary>
    private IEnumerable<SandboxCall> CallsSince(int count) =>
        fixture.Sandbox.Calls.Calls(SandboxService.Sheets).Skip(count);

    private static List<object?> Expected(ExportRecord record) => [.. record.Values.Select(v => v switch
    {
        null => (object?)string.Empty,
        long n => (double)n,
        DateTime at => (at - SerialEpoch).TotalDays,
        DateOnly date => (double)(date.DayNumber - DateOnly.FromDateTime(SerialEpoch).DayNumber),
        _ => v,
    })];
}

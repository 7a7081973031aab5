using Andalan.Functions.Exports;
using Andalan.Functions.Sheets;
using Andalan.Sandbox.Faults;
using Andalan.Sandbox.Sheets;
using Microsoft.Extensions.DependencyInjection;

namespace Andalan.Functions.Tests.Reliability;

/// <summary>
/// Input meant to break things: a download far over the size limit, a table over the row cap, text with control
/// characters and cells longer than Google's 50,000-character limit. Each ends with a clear outcome; nothing crashes.
/// </summary>
[Collection(ReliabilityGroup.Name)]
public sealed class HostileInputTests(ReliabilityFixture pipeline)
{
    [Fact]
    public async Task Run_OversizedDownloadAndTableOverTheRowCap_BothRefusedWithTheSettingNamedAndNothingWritten()
    {
        pipeline.Reset();
        await pipeline.RestartAppAsync(new Dictionary<string, string?>
        {
            ["Andalan:Panel:MaxDownloadMegabytes"] = "1",
            ["Andalan:Documents:MaxRows"] = "100",
        });
        var before = new[] { "users", "transactions" }.ToDictionary(e => e, pipeline.TabLines);
        pipeline.Sandbox.Faults.Panel.Exports["users"] = ExportFault.Oversized;
        try
        {
            var summary = await pipeline.RunAsync(["users", "transactions"]);

            var users = summary.Exports.Single(e => e.Export == "users");
            Assert.False(users.Succeeded);
            Assert.Contains("Andalan:Panel:MaxDownloadMegabytes", users.Error, StringComparison.Ordinal);
            var transactions = summary.Exports.Single(e => e.Export == "transactions");
            Assert.False(transactions.Succeeded);
            Assert.Single(transactions.Failures);
            Assert.Contains("Andalan:Documents:MaxRows", transactions.Error, StringComparison.Ordinal);
            foreach (var (export, lines) in before)
            {
                Assert.Equal(lines, pipeline.TabLines(export));
            }

            var report = pipeline.ChatTexts()[^1];
            Assert.Contains("MaxDownloadMegabytes", report, StringComparison.Ordinal);
            Assert.Contains("MaxRows", report, StringComparison.Ordinal);
        }
        finally
        {
            pipeline.Reset();
            await pipeline.RestartAppAsync();
        }
    }

    [Fact]
    public async Task Sync_ControlCharactersAndOverlongCells_ControlCharactersKeptVerbatimOverlongRowRejected()
    {
        var export = new ExportDefinition
        {
            Name = "hostile",
            Key = "id",
            Tab = "Hostile " + Guid.NewGuid().ToString("N")[..6],
            Fields =
            [
                new FieldDefinition { Name = "id", Label = "ID" },
                new FieldDefinition { Name = "note", Label = "Catatan" },
            ],
        };
        var controls =
            "tab\there, bell\u0007, escape\u001b[31m, nul\u0000, bidi \u202Eabc\u202C, zero\u200Bwidth, line\r\nbreak";
        ExportRecord[] records =
        [
            new(1, ["h1", controls]),
            new(2, ["h2", new string('x', 50_001)]),
            new(3, ["h3", "=IMPORTXML(\"http://evil.example\",\"//a\")"]),
            new(4, ["h4", new string('y', 50_000)]),
        ];
        var sync = pipeline.Services.GetRequiredService<SheetSync>();

        var first = await sync.SyncAsync(export, records, dryRun: false, CancellationToken.None);
        var again = await sync.SyncAsync(export, records, dryRun: false, CancellationToken.None);

        Assert.Equal(3, first.New);
        Assert.Equal(1, first.Rejected);
        var rejection = Assert.Single(first.Rejections);
        Assert.Contains("50,000", rejection.Reason, StringComparison.Ordinal);
        Assert.Equal((0, 0, 3, 1), (again.New, again.Changed, again.Unchanged, again.Rejected));
        var rows = pipeline.Sandbox.Spreadsheet().Snapshot(export.Tab, formatted: false)!;
        Assert.Equal(["id", "h1", "h3", "h4"], rows.Select(r => r[0]).OfType<string>());
        Assert.Equal(controls, rows[1][1]);
        Assert.Equal(records[2].Values[1], rows[2][1]);
        Assert.Equal(50_000, ((string)rows[3][1]!).Length);
        SheetsEdits.DeleteTab(pipeline.Sandbox.Spreadsheet(), export.Tab);
    }
}

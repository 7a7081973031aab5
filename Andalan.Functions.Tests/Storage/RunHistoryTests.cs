using System.Globalization;
using Andalan.Functions.Storage;
using Andalan.Functions.Tests.Fixtures;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Andalan.Functions.Tests.Storage;

public sealed class RunHistoryTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset Morning =
        DateTimeOffset.Parse("2025-09-14T01:00:00.1234567Z", CultureInfo.InvariantCulture);

    private readonly TableServiceClient _tables = new(azurite.ConnectionString);

    [Fact]
    public async Task SaveAsync_StartedThenFinished_KeepsOneEntityWithTheFinalOutcome()
    {
        using var history = History(out var table);
        var started = await history.SaveAsync(new RunRecord("run-a", "timer", Morning, RunStatus.Running));
        var exports = new[]
        {
            new RunExportRecord("transactions", true, 2_000, 15, 3, 1_982, 0, 1, TimeSpan.FromSeconds(12),
                Files: ["run-a/transactions/t.xlsx"]),
            new RunExportRecord("users", false, 0, 0, 0, 0, 0, 3, TimeSpan.FromSeconds(4), "Login ditolak"),
        };

        await history.SaveAsync(started with { Status = RunStatus.PartlyFailed, EndedAt = Morning.AddSeconds(80), Exports = exports });
        var read = await history.GetAsync("run-a");

        Assert.NotNull(read);
        Assert.Equal(RunStatus.PartlyFailed, read.Status);
        Assert.InRange(read.Duration!.Value, TimeSpan.FromSeconds(79.999), TimeSpan.FromSeconds(80.001));
        Assert.Equal(exports, read.Exports!, new RunExportComparer());
        Assert.Single(_tables.GetTableClient(table).Query<TableEntity>());
    }

    [Fact]
    public async Task GetRecentAsync_SeveralRuns_ReturnsTheNewestFirst()
    {
        using var history = History(out _);
        for (var day = 0; day < 5; day++)
        {
            await history.SaveAsync(new RunRecord($"run-{day}", "timer", Morning.AddDays(day), RunStatus.Succeeded,
                Morning.AddDays(day).AddMinutes(1)));
        }

        var recent = await history.GetRecentAsync(3);

        Assert.Equal(["run-4", "run-3", "run-2"], recent.Select(r => r.RunId));
    }

    [Fact]
    public async Task GetAsync_UnknownRun_ReturnsNull()
    {
        using var history = History(out _);

        var read = await history.GetAsync("tidak-ada");

        Assert.Null(read);
    }

    [Fact]
    public async Task SaveAsync_ErrorsTooLongForOneProperty_ShortensThemAndSaysSo()
    {
        using var history = History(out _);
        var hugeError = new string('x', 40_000);
        var exports = Enumerable.Range(0, 4)
            .Select(i => new RunExportRecord($"export{i}", false, 0, 0, 0, 0, 0, 3, TimeSpan.FromSeconds(1), hugeError))
            .ToList();

        await history.SaveAsync(new RunRecord("run-big", "manual", Morning, RunStatus.Failed, Morning.AddMinutes(1), exports));
        var read = await history.GetAsync("run-big");

        Assert.NotNull(read);
        Assert.True(read.ExportsTruncated);
        Assert.Equal(4, read.Exports!.Count);
        Assert.All(read.Exports, e => Assert.InRange(e.Error!.Length, 1, 1_001));
    }

    [Fact]
    public async Task SaveAsync_RetriesAndEvidence_ReadBackAsWritten()
    {
        using var history = History(out _);
        var evidence = new[] { "run-r/users/users-failure-1.png", "run-r/users/users-failure-1.html" };
        var export = new RunExportRecord("users", false, 0, 0, 0, 0, 0, 3, TimeSpan.FromSeconds(40), "Login ditolak",
            Files: evidence,
            Retries:
            [
                new RunAttemptRecord("download", 1, "Timeout 30000ms exceeded", true),
                new RunAttemptRecord("download", 2, "Login ditolak", false),
            ],
            Evidence: evidence);

        await history.SaveAsync(new RunRecord("run-r", "timer", Morning, RunStatus.Failed, Morning.AddMinutes(2), [export]));
        var read = (await history.GetAsync("run-r"))!.Exports!.Single();

        Assert.Equal(export, read, new RunExportComparer());
        Assert.Equal("Timeout 30000ms exceeded", read.Retries![0].Error);
        Assert.True(read.Retries[0].RetryFollows);
        Assert.Equal(evidence, read.Evidence);
    }

    [Fact]
    public async Task SaveAsync_RetryErrorsTooLong_ShortensThemToo()
    {
        using var history = History(out _);
        var hugeError = new string('y', 20_000);
        var exports = Enumerable.Range(0, 2)
            .Select(i => new RunExportRecord($"export{i}", false, 0, 0, 0, 0, 0, 2, TimeSpan.FromSeconds(1), "short",
                Retries: [new RunAttemptRecord("import", 1, hugeError, true), new RunAttemptRecord("import", 2, "short", false)]))
            .ToList();

        await history.SaveAsync(new RunRecord("run-retries", "manual", Morning, RunStatus.Failed, Morning.AddMinutes(1), exports));
        var read = await history.GetAsync("run-retries");

        Assert.True(read!.ExportsTruncated);
        Assert.All(read.Exports!, e => Assert.InRange(e.Retries![0].Error.Length, 1, 1_001));
        Assert.All(read.Exports!, e => Assert.Equal("short", e.Retries![1].Error));
    }

    private RunHistory History(out string table)
    {
        table = $"Runs{Guid.NewGuid():N}";
        var options = Options.Create(new StorageOptions { HistoryTable = table });

        return new RunHistory(_tables, options, NullLogger<RunHistory>.Instance);
    }

    private sealed class RunExportComparer : IEqualityComparer<RunExportRecord>
    {
        public bool Equals(RunExportRecord? x, RunExportRecord? y) =>
            x is not null && y is not null
            && (x with { Files = null, Retries = null, Evidence = null })
                == (y with { Files = null, Retries = null, Evidence = null })
            && (x.Files ?? []).SequenceEqual(y.Files ?? [])
            && (x.Retries ?? []).SequenceEqual(y.Retries ?? [])
            && (x.Evidence ?? []).SequenceEqual(y.Evidence ?? []);

        public int GetHashCode(RunExportRecord obj) => obj.Export.GetHashCode(StringComparison.Ordinal);
    }
}

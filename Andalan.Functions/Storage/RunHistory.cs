using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Andalan.Functions.Storage;

/// <summary>
/// Every run's outcome in table storage, one entity per run. Row keys run newest first (inverted start
/// ticks, then the id), so the recent history is the head of the one partition; a lookup by id filters on
/// the RunId column, a scan of a few hundred small entities a year.
/// </summary>
public sealed class RunHistory : IDisposable
{
    /// <summary>
    /// A table string property holds 64 KiB of UTF-16, 32,768 characters; the export outcomes' JSON stays
    /// under this, leaving room for the property's own overhead.
    /// </summary>
    internal const int MaxExportsJsonLength = 30_000;

    private const string Partition = "run";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly TableClient _table;
    private readonly ILogger<RunHistory> _logger;
    private readonly SemaphoreSlim _tableGate = new(1, 1);
    private volatile bool _tableReady;

    public RunHistory(TableServiceClient tables, IOptions<StorageOptions> options, ILogger<RunHistory> logger)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _table = tables.GetTableClient(options.Value.HistoryTable);
        _logger = logger;
    }

    public void Dispose() => _tableGate.Dispose();

    /// <summary>Writes a run's entry, replacing what an earlier save of the same run wrote.</summary>
    public async Task<RunRecord> SaveAsync(RunRecord run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        CheckRunId(run.RunId);

        // Storage keeps times to the millisecond or better; the key is cut there so every save of a run,
        // including one from a record read back, lands on the same row.
        var startedAt = new DateTimeOffset(
            run.StartedAt.UtcTicks - (run.StartedAt.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
        var (exportsJson, truncated) = SerializeExports(run.Exports ?? []);
        if (truncated)
        {
            _logger.RunExportsTruncated(run.RunId);
        }

        var saved = run with { StartedAt = startedAt, ExportsTruncated = run.ExportsTruncated || truncated };
        var entity = new TableEntity(Partition, RowKey(saved))
        {
            ["RunId"] = saved.RunId,
            ["Trigger"] = saved.Trigger,
            ["StartedAt"] = saved.StartedAt,
            ["EndedAt"] = saved.EndedAt,
            ["Status"] = saved.Status.ToString(),
            ["DurationSeconds"] = saved.Duration?.TotalSeconds,
            ["DryRun"] = saved.DryRun,
            ["ExportsTotal"] = saved.Exports?.Count ?? 0,
            ["ExportsSucceeded"] = saved.Exports?.Count(e => e.Succeeded) ?? 0,
            ["ExportsJson"] = exportsJson,
            ["ExportsTruncated"] = saved.ExportsTruncated,
        };

        await EnsureTableAsync(cancellationToken);
        await _table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
        _logger.RunSaved(saved.RunId, saved.Status);

        return saved;
    }

    /// <summary>A run's entry, or null when there is none.</summary>
    public async Task<RunRecord?> GetAsync(string runId, CancellationToken cancellationToken = default)
    {
        CheckRunId(runId);
        await EnsureTableAsync(cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RunId eq {runId}");
        var matches = _table.QueryAsync<TableEntity>(filter, maxPerPage: 1, cancellationToken: cancellationToken);
        await foreach (var entity in matches)
        {
            return Read(entity);
        }

        return null;
    }

    /// <summary>The newest <paramref name="count"/> runs, newest first.</summary>
    public async Task<IReadOnlyList<RunRecord>> GetRecentAsync(int count, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        await EnsureTableAsync(cancellationToken);
        var runs = new List<RunRecord>(count);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition}");
        await foreach (var entity in _table.QueryAsync<TableEntity>(
            filter, maxPerPage: Math.Min(count, 1000), cancellationToken: cancellationToken))
        {
            runs.Add(Read(entity));
            if (runs.Count == count)
            {
                break;
            }
        }

        return runs;
    }

    internal static (string Json, bool Truncated) SerializeExports(IReadOnlyList<RunExportRecord> exports)
    {
        var json = JsonSerializer.Serialize(exports, Json);
        var truncated = false;
        foreach (var errorLimit in (int[])[1000, 200, 0])
        {
            if (json.Length <= MaxExportsJsonLength)
            {
                break;
            }

            exports = [.. exports.Select(e => e with
            {
                Error = Shorten(e.Error, errorLimit),
                Files = errorLimit == 0 ? null : e.Files,
                Evidence = errorLimit == 0 ? null : e.Evidence,
                Retries = errorLimit == 0
                    ? null
                    : e.Retries?.Select(r => r with { Error = Shorten(r.Error, errorLimit) ?? string.Empty }).ToList(),
            })];
            json = JsonSerializer.Serialize(exports, Json);
            truncated = true;
        }

        return json.Length <= MaxExportsJsonLength
            ? (json, truncated)
            : throw new InvalidOperationException(
                $"{exports.Count} export outcomes do not fit one history entry even without their errors.");
    }

    private static string? Shorten(string? text, int limit) =>
        text is null || text.Length <= limit ? text : limit == 0 ? "…" : text[..limit] + "…";

    private static string RowKey(RunRecord run) =>
        (DateTimeOffset.MaxValue.UtcTicks - run.StartedAt.UtcTicks).ToString("D19", CultureInfo.InvariantCulture)
        + "_" + run.RunId;

    private static RunRecord Read(TableEntity entity)
    {
        var exports = entity.GetString("ExportsJson") is { Length: > 0 } json
            ? JsonSerializer.Deserialize<List<RunExportRecord>>(json, Json)
            : null;

        return new RunRecord(
            entity.GetString("RunId"),
            entity.GetString("Trigger") ?? string.Empty,
            entity.GetDateTimeOffset("StartedAt") ?? DateTimeOffset.MinValue,
            Enum.TryParse<RunStatus>(entity.GetString("Status"), out var status) ? status : RunStatus.Running,
            entity.GetDateTimeOffset("EndedAt"),
            exports,
            entity.GetBoolean("DryRun") ?? false,
            entity.GetBoolean("ExportsTruncated") ?? false);
    }

    private static void CheckRunId(string runId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        if (runId.Length > 200 || runId.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c)))
        {
            throw new ArgumentException($"'{runId}' cannot be a run id in the history table.", nameof(runId));
        }
    }

    private async Task EnsureTableAsync(CancellationToken cancellationToken)
    {
        if (_tableReady)
        {
            return;
        }

        await _tableGate.WaitAsync(cancellationToken);
        try
        {
            if (!_tableReady)
            {
                try
                {
                    await _table.CreateIfNotExistsAsync(cancellationToken);
                }
                catch (RequestFailedException e) when (e.Status == 409)
                {
                    // Another process made it at the same moment.
                }

                _tableReady = true;
            }
        }
        finally
        {
            _tableGate.Release();
        }
    }
}

using System.Globalization;
using System.Security.Cryptography;
using Andalan.Functions.Exports;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Andalan.Functions.Workflow;

/// <summary>
/// Starts runs so that they never overlap: every run is the one orchestration instance
/// <see cref="InstanceId"/>, which the task hub holds at most once while it is pending or running; its run id
/// travels in the input. A schedule slot's run id is derived from the slot, so a timer firing twice for one
/// slot finds its run and starts nothing.
/// </summary>
public sealed partial class RunCoordinator(
    ExportCatalog catalog,
    IOptions<RunOptions> options,
    RunSchedule schedule,
    TimeProvider time,
    ILogger<RunCoordinator> logger)
{
    public const string InstanceId = "andalan-export-run";

    private static readonly OrchestrationRuntimeStatus[] Going =
    [
        OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended,
    ];

    /// <summary>Builds the request for a run, checking the export names; null exports means every enabled one.</summary>
    public RunRequest CreateRequest(string trigger, IReadOnlyList<string>? exports, bool dryRun, string? slot = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(trigger);
        var names = exports is { Count: > 0 }
            ? exports.Select(name => catalog.Get(name).Name).Distinct(StringComparer.Ordinal).ToList()
            : catalog.Enabled.Select(e => e.Name).ToList();
        var now = time.GetUtcNow();
        var runId = slot is null
            ? TimeZoneInfo.ConvertTime(now, schedule.TimeZone).ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "-" +
              Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(2))
            : "jadwal-" + slot[..16].Replace("-", string.Empty, StringComparison.Ordinal)
                .Replace(":", string.Empty, StringComparison.Ordinal).Replace('T', '-');

        return new RunRequest(runId, trigger, names, dryRun, options.Value.Retry, slot);
    }

    /// <summary>Starts the run unless another is going or the slot was served already.</summary>
    public async Task<RunStart> StartAsync(DurableTaskClient client, RunRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        var existing = await client.GetInstanceAsync(InstanceId, getInputsAndOutputs: true, cancellationToken);
        var current = existing?.ReadInputAs<RunRequest>();
        if (existing is not null && Going.Contains(existing.RuntimeStatus))
        {
            LogRefused(logger, request.RunId, current?.RunId ?? "?");

            return new RunStart(RunStartStatus.AlreadyRunning, current?.RunId,
                $"Run {current?.RunId} is still going; runs never overlap. Try again when it has finished.");
        }

        if (request.Slot is not null && current?.RunId == request.RunId)
        {
            LogSlotServed(logger, request.Slot, request.RunId);

            return new RunStart(RunStartStatus.SlotAlreadyServed, request.RunId,
                $"The schedule slot {request.Slot} already had its run {request.RunId}.");
        }

        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(
                ExportRunOrchestration.Name, request, new StartOrchestrationOptions(InstanceId), cancellationToken);
        }
        catch (InvalidOperationException)
        {
            // Another starter won the race for the instance id between our check and our start.
            return new RunStart(RunStartStatus.AlreadyRunning, null, "Another run started a moment ago; runs never overlap.");
        }

        LogStarted(logger, request.RunId, request.Trigger, request.Exports, request.DryRun);

        return new RunStart(RunStartStatus.Started, request.RunId, $"Run {request.RunId} started.");
    }

    /// <summary>The run going now, with its progress; null when none is pending or running.</summary>
    public static async Task<RunProgress?> GetCurrentAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var instance = await client.GetInstanceAsync(InstanceId, getInputsAndOutputs: true, cancellationToken);
        if (instance is null
            || instance.RuntimeStatus is not (OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending))
        {
            return null;
        }

        return instance.ReadCustomStatusAs<RunProgress>()
            ?? new RunProgress(instance.ReadInputAs<RunRequest>()?.RunId ?? "?", 0, 0, "starting");
    }

    [LoggerMessage(EventId = 7001, Level = LogLevel.Information,
        Message = "Run {RunId} started by {Trigger} for {Exports} (dry run: {DryRun})")]
    private static partial void LogStarted(
        ILogger logger, string runId, string trigger, IReadOnlyList<string> exports, bool dryRun);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Warning, Message = "Run {RunId} not started: run {CurrentRunId} is still going")]
    private static partial void LogRefused(ILogger logger, string runId, string currentRunId);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Information, Message = "Schedule slot {Slot} already had its run {RunId}")]
    private static partial void LogSlotServed(ILogger logger, string slot, string runId);
}

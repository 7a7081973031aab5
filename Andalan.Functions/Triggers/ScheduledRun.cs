using Andalan.Functions.Workflow;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace Andalan.Functions.Triggers;

/// <summary>The twice-daily run. The schedule is the setting Andalan__Run__Schedule, in WEBSITE_TIME_ZONE.</summary>
public sealed class ScheduledRun(RunCoordinator coordinator, IOptions<RunOptions> options, TimeProvider time)
{
    [Function(nameof(ScheduledRun))]
    public async Task RunAsync(
        [TimerTrigger("%Andalan:Run:Schedule%", RunOnStartup = false, UseMonitor = true)] TimerInfo timer,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var schedule = new RunSchedule(options.Value.Schedule, options.Value.TimeZone);
        var slot = schedule.SlotOf(time.GetUtcNow());
        var request = coordinator.CreateRequest("timer", exports: null, dryRun: false, slot);

        await coordinator.StartAsync(client, request, cancellationToken);
    }
}

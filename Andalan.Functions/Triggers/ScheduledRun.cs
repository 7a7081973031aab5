using Andalan.Functions.Workflow;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Andalan.Functions.Triggers;

/// <summary>The twice-daily run. The schedule is the setting Andalan__Run__Schedule, in WEBSITE_TIME_ZONE.</summary>
public sealed class ScheduledRun(RunCoordinator coordinator, RunSchedule schedule, TimeProvider time)
{
    [Function(nameof(ScheduledRun))]
    public async Task RunAsync(
        [TimerTrigger("%Andalan:Run:Schedule%", RunOnStartup = false, UseMonitor = true)] TimerInfo timer,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var slot = schedule.SlotOf(time.GetUtcNow());
        var request = coordinator.CreateRequest("timer", exports: null, dryRun: false, slot);

        await coordinator.StartAsync(client, request, cancellationToken);
    }
}

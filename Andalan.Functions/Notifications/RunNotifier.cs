using Microsoft.Extensions.Logging;

namespace Andalan.Functions.Notifications;

/// <summary>
/// Sends each report to every enabled channel at once, so a slow channel (waiting out a 429) does not hold up
/// another. A channel that fails, even by throwing, is logged and skipped: notifications never fail a run.
/// </summary>
internal sealed class RunNotifier(IEnumerable<INotificationChannel> channels, ILogger<RunNotifier> logger)
{
    private readonly INotificationChannel[] _channels = [.. channels];

    /// <summary>The channels the settings switch on, by name.</summary>
    public IReadOnlyList<string> EnabledChannels => [.. _channels.Where(c => c.Enabled).Select(c => c.Name)];

    public Task<IReadOnlyList<ChannelDelivery>> ReportRunStartedAsync(
        RunStartedNotice notice, CancellationToken cancellationToken) =>
        SendAsync(channel => channel.ReportRunStartedAsync(notice, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<ChannelDelivery>> ReportExportAsync(
        string runId, ExportReport report, CancellationToken cancellationToken) =>
        SendAsync(channel => channel.ReportExportAsync(runId, report, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<ChannelDelivery>> ReportRunSummaryAsync(
        RunSummaryReport summary, CancellationToken cancellationToken) =>
        SendAsync(channel => channel.ReportRunSummaryAsync(summary, cancellationToken), cancellationToken);

    /// <summary>True when at least one channel is enabled and every enabled one delivered.</summary>
    public static bool AllDelivered(IReadOnlyList<ChannelDelivery> deliveries)
    {
        ArgumentNullException.ThrowIfNull(deliveries);

        return deliveries.Count > 0 && deliveries.All(d => d.Delivered);
    }

    private async Task<IReadOnlyList<ChannelDelivery>> SendAsync(
        Func<INotificationChannel, Task<ChannelDelivery>> send, CancellationToken cancellationToken)
    {
        var enabled = _channels.Where(c => c.Enabled).ToList();

        return await Task.WhenAll(enabled.Select(async channel =>
        {
            try
            {
                return await send(channel);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                logger.ChannelFailed(e, channel.Name);

                return new ChannelDelivery(channel.Name, false, $"{e.GetType().Name} in the {channel.Name} channel");
            }
        }));
    }
}

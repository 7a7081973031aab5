namespace Andalan.Functions.Notifications;

/// <summary>
/// One place the operators hear about runs (Telegram, a webhook). A channel never throws for its own outage:
/// it answers <see cref="ChannelDelivery"/> with the problem; only the caller's cancellation throws.
/// </summary>
public interface INotificationChannel
{
    /// <summary>A short name for logs and results, for example "telegram" or "webhook".</summary>
    string Name { get; }

    /// <summary>False when the settings switch the channel off; a disabled channel is not called.</summary>
    bool Enabled { get; }

    Task<ChannelDelivery> ReportRunStartedAsync(RunStartedNotice notice, CancellationToken cancellationToken);

    Task<ChannelDelivery> ReportExportAsync(string runId, ExportReport report, CancellationToken cancellationToken);

    Task<ChannelDelivery> ReportRunSummaryAsync(RunSummaryReport summary, CancellationToken cancellationToken);
}

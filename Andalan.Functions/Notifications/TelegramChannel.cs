using Microsoft.Extensions.Options;

namespace Andalan.Functions.Notifications;

/// <summary>The Telegram group as a notification channel: the default one, on unless switched off.</summary>
internal sealed class TelegramChannel(TelegramNotifier notifier, IOptions<TelegramOptions> options) : INotificationChannel
{
    public string Name => "telegram";

    public bool Enabled => options.Value.Enabled;

    public async Task<ChannelDelivery> ReportRunStartedAsync(RunStartedNotice notice, CancellationToken cancellationToken) =>
        Result(await notifier.ReportRunStartedAsync(notice, cancellationToken));

    public async Task<ChannelDelivery> ReportExportAsync(
        string runId, ExportReport report, CancellationToken cancellationToken) =>
        Result(await notifier.ReportExportAsync(report, cancellationToken));

    public async Task<ChannelDelivery> ReportRunSummaryAsync(RunSummaryReport summary, CancellationToken cancellationToken) =>
        Result(await notifier.ReportRunSummaryAsync(summary, cancellationToken));

    private ChannelDelivery Result(TelegramDelivery delivery) => new(Name, delivery.Delivered, delivery.Problem);
}

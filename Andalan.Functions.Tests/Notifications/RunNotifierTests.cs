using Andalan.Functions.Notifications;
using Microsoft.Extensions.Logging.Testing;

namespace Andalan.Functions.Tests.Notifications;

public sealed class RunNotifierTests
{
    private static readonly RunStartedNotice Notice = new("run-1", "timer", ["users"], DateTimeOffset.UnixEpoch);

    [Fact]
    public async Task ReportRunStartedAsync_OneChannelThrows_OthersStillDeliverAndNothingThrows()
    {
        var working = new FakeChannel("webhook", enabled: true);
        var logger = new FakeLogger<RunNotifier>();
        var notifier = new RunNotifier([new FakeChannel("telegram", enabled: true, fails: true), working], logger);

        var deliveries = await notifier.ReportRunStartedAsync(Notice, CancellationToken.None);

        Assert.Equal(1, working.Calls);
        Assert.Equal([("telegram", false), ("webhook", true)], deliveries.Select(d => (d.Channel, d.Delivered)));
        Assert.False(RunNotifier.AllDelivered(deliveries));
        var logged = Assert.Single(logger.Collector.GetSnapshot(), r => r.Id.Id == 4110);
        Assert.IsType<HttpRequestException>(logged.Exception);
    }

    [Fact]
    public async Task ReportRunStartedAsync_DisabledChannel_IsNotCalled()
    {
        var disabled = new FakeChannel("webhook", enabled: false);
        var notifier = new RunNotifier([new FakeChannel("telegram", enabled: true), disabled], new FakeLogger<RunNotifier>());

        var deliveries = await notifier.ReportRunStartedAsync(Notice, CancellationToken.None);

        Assert.Equal(0, disabled.Calls);
        Assert.Equal(["telegram"], notifier.EnabledChannels);
        Assert.True(RunNotifier.AllDelivered(deliveries));
    }

    [Fact]
    public async Task ReportRunStartedAsync_NoChannelEnabled_DeliversNothing()
    {
        var notifier = new RunNotifier([new FakeChannel("telegram", enabled: false)], new FakeLogger<RunNotifier>());

        var deliveries = await notifier.ReportRunStartedAsync(Notice, CancellationToken.None);

        Assert.Empty(deliveries);
        Assert.False(RunNotifier.AllDelivered(deliveries));
    }

    private sealed class FakeChannel(string name, bool enabled, bool fails = false) : INotificationChannel
    {
        public int Calls { get; private set; }

        public string Name => name;

        public bool Enabled => enabled;

        public Task<ChannelDelivery> ReportRunStartedAsync(RunStartedNotice notice, CancellationToken cancellationToken) =>
            Deliver();

        public Task<ChannelDelivery> ReportExportAsync(string runId, ExportReport report, CancellationToken cancellationToken) =>
            Deliver();

        public Task<ChannelDelivery> ReportRunSummaryAsync(RunSummaryReport summary, CancellationToken cancellationToken) =>
            Deliver();

        private Task<ChannelDelivery> Deliver()
        {
            Calls++;

            return fails
                ? throw new HttpRequestException("boom")
                : Task.FromResult(new ChannelDelivery(name, true));
        }
    }
}

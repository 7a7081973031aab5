using System.Diagnostics;
using System.Text.Json;
using Andalan.Functions.Notifications;
using Andalan.Functions.Tests.Fixtures;
using Andalan.Sandbox.Faults;
using Andalan.Sandbox.Hosting;
using Andalan.Sandbox.Telegram;
using Andalan.Sandbox.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;

namespace Andalan.Functions.Tests.Notifications;

/// <summary>The webhook channel against the sandbox's receiver over real HTTP (Slack's behaviour or any JSON).</summary>
public sealed class WebhookChannelTests : IClassFixture<SandboxFixture>, IDisposable
{
    private static readonly DateTimeOffset Morning = DateTimeOffset.Parse(
        "2026-12-04T01:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    private readonly SandboxFixture _fixture;
    private readonly List<ServiceProvider> _providers = [];

    public WebhookChannelTests(SandboxFixture fixture)
    {
        _fixture = fixture;
        Sandbox.Faults.Reset();
        Sandbox.Webhook().Clear();
        Sandbox.WebhookLimits().MessagesPerSecond = 1;
        Sandbox.TelegramLimits().MessagesPerSecond = 0;
        Sandbox.TelegramLimits().GroupMessagesPerMinute = 0;
    }

    private SandboxInstance Sandbox => _fixture.Sandbox;

    private string Token => Sandbox.Credentials.WebhookToken;

    public void Dispose()
    {
        Sandbox.Faults.Reset();
        foreach (var provider in _providers)
        {
            provider.Dispose();
        }
    }

    [Fact]
    public async Task ReportRunSummaryAsync_SlackShapeWithMarkupInACause_ArrivesAsWrittenAndNotifiesNobody()
    {
        var (channel, logs) = Build(slack: true);
        var cause = "Kolom <No. HP> & <!channel> hilang; lihat <https://evil.example|di sini>";

        var delivery = await channel.ReportRunSummaryAsync(Summary(cause), CancellationToken.None);

        Assert.True(delivery.Delivered, delivery.Problem);
        var post = Assert.Single(Sandbox.Webhook().Posts);
        Assert.Equal("slack", post.Shape);
        Assert.Contains("users: " + cause, post.DisplayText, StringComparison.Ordinal);
        Assert.Contains("Ringkasan run 20261204-080000-ab12", post.DisplayText, StringComparison.Ordinal);
        Assert.Empty(post.Mentions);
        using var body = JsonDocument.Parse(post.Body);
        Assert.False(body.RootElement.GetProperty("mrkdwn").GetBoolean());
        AssertNoSecret(logs, delivery);
    }

    [Fact]
    public async Task ReportExportAsync_JsonShape_CarriesEventRunTextAndTheReport()
    {
        var (channel, _) = Build(slack: false);
        var report = new ExportReport("users", "Pengguna", false, 0, 0, 0, 0, 0, TimeSpan.FromSeconds(4),
            "Login ditolak", Attempts: 3);

        var delivery = await channel.ReportExportAsync("run-json-1", report, CancellationToken.None);

        Assert.True(delivery.Delivered, delivery.Problem);
        var post = Assert.Single(Sandbox.Webhook().Posts);
        using var body = JsonDocument.Parse(post.Body);
        var root = body.RootElement;
        Assert.Equal("json", post.Shape);
        Assert.Equal("export.finished", root.GetProperty("event").GetString());
        Assert.Equal("run-json-1", root.GetProperty("runId").GetString());
        Assert.Contains("users → tab Pengguna: gagal pada percobaan ke-3", root.GetProperty("text").GetString(),
            StringComparison.Ordinal);
        Assert.Equal("users", root.GetProperty("data").GetProperty("export").GetString());
        Assert.False(root.GetProperty("data").GetProperty("succeeded").GetBoolean());
        Assert.Equal("Login ditolak", root.GetProperty("data").GetProperty("cause").GetString());
    }

    [Fact]
    public async Task PostAsync_ReceiverSays429_WaitsRetryAfterThenDelivers()
    {
        var (channel, logs) = Build(slack: true, ("Andalan:Webhook:MinInterval", "00:00:00"));
        var clock = Stopwatch.StartNew();

        var first = await channel.ReportRunStartedAsync(Started("run-429-a"), CancellationToken.None);
        var second = await channel.ReportRunStartedAsync(Started("run-429-b"), CancellationToken.None);

        Assert.True(first.Delivered, first.Problem);
        Assert.True(second.Delivered, second.Problem);
        Assert.Equal(2, Sandbox.Webhook().Posts.Count);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.9), clock.Elapsed.ToString());
        Assert.Contains(logs.GetSnapshot(), r => r.Id.Id == 4102 && r.Level == LogLevel.Warning);
        Assert.Contains(Sandbox.Calls.Calls(SandboxService.Webhook), c => c.Status == 429);
    }

    [Fact]
    public async Task PostAsync_MinIntervalKept_StaysUnderTheReceiversRateLimit()
    {
        var (channel, logs) = Build(slack: true);
        var before = Sandbox.Calls.Calls(SandboxService.Webhook).Count;

        for (var i = 0; i < 3; i++)
        {
            var delivery = await channel.ReportRunStartedAsync(Started($"run-paced-{i}"), CancellationToken.None);
            Assert.True(delivery.Delivered, delivery.Problem);
        }

        Assert.Equal(3, Sandbox.Webhook().Posts.Count);
        Assert.All(Sandbox.Calls.Calls(SandboxService.Webhook).Skip(before), c => Assert.Equal(200, c.Status));
        Assert.DoesNotContain(logs.GetSnapshot(), r => r.Id.Id == 4102);
    }

    [Fact]
    public async Task PostAsync_ServerErrorOnce_RetriesAndDelivers()
    {
        var (channel, logs) = Build(slack: false);
        Sandbox.Faults.FailNext(SandboxService.Webhook, 1, 500);

        var delivery = await channel.ReportRunStartedAsync(Started("run-500"), CancellationToken.None);

        Assert.True(delivery.Delivered, delivery.Problem);
        Assert.Single(Sandbox.Webhook().Posts);
        Assert.Contains(logs.GetSnapshot(), r => r.Id.Id == 4103);
    }

    [Fact]
    public async Task PostAsync_ReceiverUnreachable_NotDeliveredWithinTheBudgetWithoutThrowingOrLeakingTheUrl()
    {
        var (channel, logs) = Build(slack: true, ("Andalan:Webhook:RetryBudget", "00:00:04"));
        Sandbox.Faults.For(SandboxService.Webhook).Unreachable = true;
        var clock = Stopwatch.StartNew();

        var delivery = await channel.ReportRunStartedAsync(Started("run-down"), CancellationToken.None);

        Assert.False(delivery.Delivered);
        Assert.StartsWith("no answer from the webhook", delivery.Problem, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), clock.Elapsed.ToString());
        Assert.Contains(logs.GetSnapshot(), r => r.Id.Id == 4101);
        AssertNoSecret(logs, delivery);
    }

    [Fact]
    public async Task PostAsync_WrongToken_NotDeliveredAndNotRetriedAndTheUrlNotShown()
    {
        var wrong = new Uri(Sandbox.Addresses.BaseUrl, "/hooks/slack/" + Guid.NewGuid().ToString("N"));
        var (channel, logs) = Build(slack: true, ("Andalan:Webhook:Url", wrong.ToString()));
        var before = Sandbox.Calls.Calls(SandboxService.Webhook).Count;

        var delivery = await channel.ReportRunStartedAsync(Started("run-404"), CancellationToken.None);

        Assert.False(delivery.Delivered);
        Assert.Equal("HTTP 404 Not Found: no_service", delivery.Problem);
        Assert.Equal(before + 1, Sandbox.Calls.Calls(SandboxService.Webhook).Count);
        Assert.All(logs.GetSnapshot(), r => Assert.DoesNotContain(wrong.AbsolutePath, r.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReportRunSummaryAsync_LongSummary_IsCutToTheLimitAndSaysSo()
    {
        var (channel, _) = Build(slack: true, ("Andalan:Webhook:MaxTextLength", "400"));
        var summary = Summary(string.Concat(Enumerable.Repeat("<sebab> & ", 100)));

        var delivery = await channel.ReportRunSummaryAsync(summary, CancellationToken.None);

        Assert.True(delivery.Delivered, delivery.Problem);
        var post = Assert.Single(Sandbox.Webhook().Posts);
        Assert.InRange(post.Text!.Length, 300, 400);
        Assert.EndsWith("… (dipotong)", post.DisplayText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunNotifier_TelegramAndWebhookEnabled_BothGetTheSummary()
    {
        var services = Services(slack: true);
        var notifier = services.GetRequiredService<RunNotifier>();
        var marker = "run-both-" + Guid.NewGuid().ToString("N")[..8];

        var deliveries = await notifier.ReportRunSummaryAsync(Summary("Login ditolak") with { RunId = marker },
            CancellationToken.None);

        Assert.Equal(["telegram", "webhook"], deliveries.Select(d => d.Channel).Order());
        Assert.All(deliveries, d => Assert.True(d.Delivered, d.Problem));
        Assert.Contains(Sandbox.Chat().Messages, m => m.Text.Contains(marker, StringComparison.Ordinal));
        Assert.Contains(Sandbox.Webhook().Posts, p => p.DisplayText!.Contains(marker, StringComparison.Ordinal));
    }

    [Fact]
    public void Options_EnabledWithoutUrl_FailsNamingTheSetting()
    {
        var services = Services(slack: true, ("Andalan:Webhook:Url", ""));

        var error = Assert.Throws<OptionsValidationException>(
            () => services.GetRequiredService<IOptions<WebhookOptions>>().Value);

        Assert.Contains("Andalan:Webhook:Url is not set", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_PlainHttpToAnotherMachine_FailsWithoutShowingTheUrl()
    {
        var secret = "hooks/T000/B000/" + Guid.NewGuid().ToString("N");
        var services = Services(slack: true, ("Andalan:Webhook:Url", "http://hooks.example.test/" + secret));

        var error = Assert.Throws<OptionsValidationException>(
            () => services.GetRequiredService<IOptions<WebhookOptions>>().Value);

        Assert.Contains("must be an absolute https URL", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, error.Message, StringComparison.Ordinal);
    }

    private static RunStartedNotice Started(string runId) => new(runId, "timer", ["transactions", "users"], Morning);

    private static RunSummaryReport Summary(string cause) => new(
        "20261204-080000-ab12", Morning, TimeSpan.FromSeconds(75),
        [
            new ExportReport("transactions", "Transaksi", true, 2_000, 15, 3, 1_982, 0, TimeSpan.FromSeconds(12)),
            new ExportReport("users", "Pengguna", false, 0, 0, 0, 0, 0, TimeSpan.FromSeconds(4), cause, Attempts: 3),
        ]);

    private (WebhookChannel Channel, FakeLogCollector Logs) Build(bool slack, params (string Key, string Value)[] overrides)
    {
        var services = Services(slack, overrides);
        var channel = services.GetServices<INotificationChannel>().OfType<WebhookChannel>().Single();

        return (channel, services.GetFakeLogCollector());
    }

    private ServiceProvider Services(bool slack, params (string Key, string Value)[] overrides)
    {
        var services = NotificationTestSupport.Services(Sandbox.Values,
        [
            ("Andalan:Webhook:Enabled", "true"),
            ("Andalan:Webhook:Format", slack ? "Slack" : "Json"),
            ("Andalan:Webhook:Url", Sandbox.WebhookUrl(slack).ToString()),
            .. overrides,
        ]);
        _providers.Add(services);

        return services;
    }

    private void AssertNoSecret(FakeLogCollector logs, ChannelDelivery delivery) =>
        NotificationTestSupport.AssertSecretAbsent(logs, delivery.Problem, Token);
}

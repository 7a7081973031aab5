using System.Diagnostics;
using Andalan.Functions.Notifications;
using Andalan.Functions.Tests.Fixtures;
using Andalan.Sandbox.Faults;
using Andalan.Sandbox.Hosting;
using Andalan.Sandbox.Telegram;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;

namespace Andalan.Functions.Tests.Notifications;

public sealed class TelegramNotifierTests : IClassFixture<SandboxFixture>, IDisposable
{
    private readonly SandboxFixture _fixture;
    private readonly List<ServiceProvider> _providers = [];

    public TelegramNotifierTests(SandboxFixture fixture)
    {
        _fixture = fixture;

        // One message a second stays on, so splitting meets real 429s; the group's per-minute limit would
        // only make these back-to-back tests wait.
        Sandbox.TelegramLimits().MessagesPerSecond = 1;
        Sandbox.TelegramLimits().GroupMessagesPerMinute = 0;
        Sandbox.Faults.Reset();
    }

    private SandboxInstance Sandbox => _fixture.Sandbox;

    private string BotToken => Sandbox.Values["Andalan__Telegram__BotToken"];

    public void Dispose()
    {
        Sandbox.Faults.Reset();
        foreach (var provider in _providers)
        {
            provider.Dispose();
        }
    }

    [Fact]
    public async Task ReportExportAsync_CauseWithMarkup_ArrivesAsWritten()
    {
        var (notifier, _) = Build();
        var cause = $"Kolom <No. HP> & \"Email\" hilang ({Guid.NewGuid():N})";
        var report = new ExportReport("users", "Pengguna", false, 0, 0, 0, 0, 0, TimeSpan.FromSeconds(2), cause, true);

        var delivery = await notifier.ReportExportAsync(report, CancellationToken.None);

        Assert.True(delivery.Delivered, delivery.Problem);
        Assert.Contains(Sandbox.Chat().Messages, m => m.Text.Contains("Penyebab: " + cause, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendAsync_LongMessage_SendsPartsTheSandboxAcceptsRidingOut429s()
    {
        var (notifier, logs) = Build();
        var marker = Guid.NewGuid().ToString("N");
        var lines = Enumerable.Range(1, 250).Select(i => $"<b>{marker} {i:D3}</b>: dibaca 1.250 baris &amp; ditulis").ToList();
        var before = Sandbox.Chat().Messages.Count;

        var delivery = await notifier.SendAsync(string.Join('\n', lines), CancellationToken.None);

        Assert.True(delivery.Delivered, delivery.Problem);
        Assert.Equal(delivery.Parts, delivery.PartsSent);
        Assert.InRange(delivery.Parts, 4, 6);
        var received = Sandbox.Chat().Messages.Skip(before).Where(m => m.Text.Contains(marker, StringComparison.Ordinal)).ToList();
        Assert.Equal(delivery.Parts, received.Count);
        Assert.All(received, m => Assert.InRange(m.Text.Length, 1, TelegramMessageSplitter.MessageLimit));
        Assert.Equal(250, received.Sum(m => m.Content.Entities.Count(e => e.Type == "bold")));
        Assert.Contains(logs.GetSnapshot(), r => r.Id.Id == 4002);
    }

    [Fact]
    public async Task SendAsync_TooManyRequests_WaitsRetryAfterThenDelivers()
    {
        var (notifier, logs) = Build();
        Sandbox.Faults.FailNext(SandboxService.Telegram, 1, 429, retryAfterSeconds: 2);
        var clock = Stopwatch.StartNew();

        var delivery = await notifier.SendAsync("Ringkasan <b>siap</b>", CancellationToken.None);

        Assert.True(delivery.Delivered, delivery.Problem);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1.9), clock.Elapsed.ToString());
        var waited = Assert.Single(logs.GetSnapshot(), r => r.Id.Id == 4002);
        Assert.Equal(LogLevel.Warning, waited.Level);
    }

    [Fact]
    public async Task SendAsync_RetryAfterBeyondBudget_GivesUpAsNotDelivered()
    {
        var (notifier, _) = Build(("Andalan:Telegram:RetryBudget", "00:00:05"));
        Sandbox.Faults.FailNext(SandboxService.Telegram, 1, 429, retryAfterSeconds: 30);
        var clock = Stopwatch.StartNew();

        var delivery = await notifier.SendAsync("halo", CancellationToken.None);

        Assert.False(delivery.Delivered);
        Assert.Contains("retry budget", delivery.Problem, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), clock.Elapsed.ToString());
    }

    [Fact]
    public async Task SendAsync_TelegramUnreachable_ReturnsNotDeliveredWithoutThrowingOrLeakingTheToken()
    {
        var (notifier, logs) = Build();
        Sandbox.Faults.For(SandboxService.Telegram).Unreachable = true;

        var delivery = await notifier.SendAsync("Run dimulai", CancellationToken.None);

        Assert.False(delivery.Delivered);
        Assert.StartsWith("no answer", delivery.Problem, StringComparison.Ordinal);
        Assert.Equal(0, delivery.PartsSent);
        var warning = Assert.Single(logs.GetSnapshot(), r => r.Id.Id == 4001);
        Assert.Equal(LogLevel.Warning, warning.Level);
        AssertNoToken(logs, delivery);
    }

    [Fact]
    public async Task SendAsync_OutageOf503s_ReturnsNotDeliveredAfterThreeAttempts()
    {
        var (notifier, logs) = Build();
        Sandbox.Faults.FailNext(SandboxService.Telegram, 10, 503);

        var delivery = await notifier.SendAsync("Run dimulai", CancellationToken.None);

        Assert.False(delivery.Delivered);
        Assert.Equal("Internal Server Error", delivery.Problem);
        Assert.Equal(2, logs.GetSnapshot().Count(r => r.Id.Id == 4003));
        Assert.Equal(7, Sandbox.Faults.For(SandboxService.Telegram).FailNext);
    }

    [Fact]
    public async Task SendAsync_One503_RecoversOnTheRetry()
    {
        var (notifier, _) = Build();
        Sandbox.Faults.FailNext(SandboxService.Telegram, 1, 503);

        var delivery = await notifier.SendAsync("Run dimulai", CancellationToken.None);

        Assert.True(delivery.Delivered, delivery.Problem);
    }

    [Fact]
    public async Task SendAsync_WrongToken_NotDeliveredAndTheTokenAppearsNowhere()
    {
        var wrongToken = WrongToken();
        var (notifier, logs) = Build(("Andalan:Telegram:BotToken", wrongToken));

        var delivery = await notifier.SendAsync("halo", CancellationToken.None);

        Assert.False(delivery.Delivered);
        Assert.Equal("Unauthorized", delivery.Problem);
        Assert.DoesNotContain(logs.GetSnapshot(), r => r.Message.Contains(wrongToken, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendAsync_MarkupTelegramRefuses_IsDeliveredAsPlainText()
    {
        var (notifier, logs) = Build();
        var marker = Guid.NewGuid().ToString("N");

        var delivery = await notifier.SendAsync($"<b>{marker} tebal", CancellationToken.None);

        Assert.True(delivery.Delivered, delivery.Problem);
        var message = Assert.Single(Sandbox.Chat().Messages, m => m.Text.Contains(marker, StringComparison.Ordinal));
        Assert.Null(message.ParseMode);
        Assert.Contains(logs.GetSnapshot(), r => r.Id.Id == 4004);
    }

    [Fact]
    public async Task SendAsync_Disabled_SendsNothing()
    {
        var (notifier, _) = Build(("Andalan:Telegram:Enabled", "false"));
        var before = Sandbox.Calls.Calls(SandboxService.Telegram).Count;

        var delivery = await notifier.SendAsync("halo", CancellationToken.None);

        Assert.False(delivery.Delivered);
        Assert.Equal(before, Sandbox.Calls.Calls(SandboxService.Telegram).Count);
    }

    [Fact]
    public async Task Preflight_BotAnswers_PassesNamingTheBot()
    {
        var services = Services();
        var preflight = services.GetRequiredService<TelegramPreflight>();

        var result = await preflight.CheckAsync(CancellationToken.None);

        Assert.True(result.Passed, result.Detail);
        Assert.StartsWith("@andalan_export_sandbox_bot answers", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preflight_WrongToken_FailsWithAHintAndNoToken()
    {
        var wrongToken = WrongToken();
        var preflight = Services(("Andalan:Telegram:BotToken", wrongToken)).GetRequiredService<TelegramPreflight>();

        var result = await preflight.CheckAsync(CancellationToken.None);

        Assert.False(result.Passed);
        Assert.Equal("Unauthorized; the bot token was refused: check Andalan:Telegram:BotToken", result.Detail);
    }

    [Fact]
    public void Options_MalformedToken_FailValidationWithoutShowingIt()
    {
        var services = Services(("Andalan:Telegram:BotToken", "not a token at all"));

        var error = Assert.Throws<OptionsValidationException>(
            () => services.GetRequiredService<IOptions<TelegramOptions>>().Value);

        Assert.Contains("does not look like a bot token", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not a token at all", error.Message, StringComparison.Ordinal);
    }

    private (TelegramNotifier Notifier, FakeLogCollector Logs) Build(params (string Key, string Value)[] overrides)
    {
        var services = Services(overrides);

        return (services.GetRequiredService<TelegramNotifier>(), services.GetFakeLogCollector());
    }

    private ServiceProvider Services(params (string Key, string Value)[] overrides)
    {
        var services = NotificationTestSupport.Services(Sandbox.Values, overrides);
        _providers.Add(services);

        return services;
    }

    private void AssertNoToken(FakeLogCollector logs, TelegramDelivery delivery) =>
        NotificationTestSupport.AssertSecretAbsent(logs, delivery.Problem, BotToken);

    /// <summary>A bot token of the right shape that no bot has, made at run time.</summary>
    private static string WrongToken() =>
        $"{System.Security.Cryptography.RandomNumberGenerator.GetInt32(100_000_000, 999_999_999)}:AA" +
        Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(17))[..33];
}

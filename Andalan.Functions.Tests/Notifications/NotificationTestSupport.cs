using Andalan.Functions.Notifications;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Andalan.Functions.Tests.Notifications;

/// <summary>The notification services wired to a sandbox's settings, and the check that a secret stayed out.</summary>
internal static class NotificationTestSupport
{
    /// <summary>The notifications services with the sandbox's settings (names with __) and these on top.</summary>
    public static ServiceProvider Services(
        IReadOnlyDictionary<string, string> sandboxValues, IEnumerable<(string Key, string Value)> settings)
    {
        var configuration = sandboxValues.ToDictionary(
            p => p.Key.Replace("__", ":", StringComparison.Ordinal), p => (string?)p.Value);
        foreach (var (key, value) in settings)
        {
            configuration[key] = value;
        }

        return new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(configuration).Build())
            .AddFakeLogging(o => o.CollectRecordsForDisabledLogLevels = true)
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Trace))
            .AddNotifications()
            .BuildServiceProvider();
    }

    /// <summary>Neither the delivery's problem nor any log line or logged exception holds the secret.</summary>
    public static void AssertSecretAbsent(FakeLogCollector logs, string? problem, string secret)
    {
        Assert.DoesNotContain(secret, problem ?? string.Empty, StringComparison.Ordinal);
        Assert.All(logs.GetSnapshot(), r =>
        {
            Assert.DoesNotContain(secret, r.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, r.Exception?.ToString() ?? string.Empty, StringComparison.Ordinal);
        });
    }
}

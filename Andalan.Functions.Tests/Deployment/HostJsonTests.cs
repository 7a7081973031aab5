using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Andalan.Functions.Backend;
using Andalan.Functions.Tests.Fixtures;
using Andalan.Functions.Workflow;

namespace Andalan.Functions.Tests.Deployment;

/// <summary>host.json fits the work: one browser per process, steps that take minutes, no secrets in logs.</summary>
public sealed partial class HostJsonTests
{
    private static readonly Lazy<JsonElement> Host = new(() =>
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "host.json")));

        return document.RootElement.Clone();
    });

    private static JsonElement DurableTask => Host.Value.GetProperty("extensions").GetProperty("durableTask");

    [Fact]
    public void DurableTask_RunsFewActivitiesPerInstanceOnANamedHub()
    {
        var hub = DurableTask.GetProperty("hubName").GetString()!;
        var activities = DurableTask.GetProperty("maxConcurrentActivityFunctions").GetInt32();

        // Every activity in a process shares the one logged-in browser; more at once only queue on it and add memory.
        Assert.InRange(activities, 1, 2);
        Assert.Matches(TaskHubName(), hub);
    }

    [Fact]
    public void FunctionTimeout_OutlastsTheLongestStepAndItsRetryWaits()
    {
        var setting = Host.Value.GetProperty("functionTimeout").GetString()!;
        var timeout = TimeSpan.Parse(setting, CultureInfo.InvariantCulture);
        var panel = new PanelOptions();
        var download = panel.LaunchTimeout + panel.LoginTimeout + (2 * panel.NavigationTimeout) + panel.DownloadTimeout;
        var run = new RunOptions();

        Assert.True(timeout >= 2 * download, $"functionTimeout {timeout} is under two downloads ({download} each)");
        Assert.True(timeout >= TimeSpan.FromSeconds(run.FirstRetryDelaySeconds * run.RetryBackoffFactor));
        Assert.True(timeout <= TimeSpan.FromHours(1), "a stuck step should not hold an instance for over an hour");
    }

    [Fact]
    public void Logging_KeepsRequestUrlsOutOfTheLogs()
    {
        var levels = Host.Value.GetProperty("logging").GetProperty("logLevel");

        // The Telegram bot token is part of every Bot API URL; HttpClient logs URLs at Information.
        Assert.Equal("Warning", levels.GetProperty("System.Net.Http.HttpClient").GetString());
        Assert.Equal("Information", levels.GetProperty("Function").GetString());
        Assert.Equal("Warning", levels.GetProperty("DurableTask.AzureStorage").GetString());
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,44}$")]
    private static partial Regex TaskHubName();
}

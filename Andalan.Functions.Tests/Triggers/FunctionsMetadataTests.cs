using System.Text.Json;
using Andalan.Functions.Tests.Fixtures;

namespace Andalan.Functions.Tests.Triggers;

/// <summary>The Functions host finds functions only through functions.metadata; these read the built one.</summary>
public sealed class FunctionsMetadataTests
{
    private static readonly Lazy<JsonElement[]> Functions = new(() =>
    {
        using var document = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.AppOutputFile("functions.metadata")));

        return [.. document.RootElement.EnumerateArray().Select(e => e.Clone())];
    });

    [Fact]
    public void Metadata_ScheduledRun_IsTimerOnScheduleSettingWithoutRunOnStartup()
    {
        var trigger = Binding("ScheduledRun", "timerTrigger");

        Assert.Equal("%Andalan:Run:Schedule%", trigger.GetProperty("schedule").GetString());
        Assert.False(trigger.TryGetProperty("runOnStartup", out var runOnStartup) && runOnStartup.GetBoolean());
        Assert.NotNull(Binding("ScheduledRun", "durableClient").ToString());
    }

    [Theory]
    [InlineData("ManualRun", "post")]
    [InlineData("RunStatus", "get")]
    [InlineData("Dashboard", "get")]
    [InlineData("DashboardStartRun", "post")]
    [InlineData("DashboardFile", "get")]
    public void Metadata_HttpTriggers_RequireFunctionKey(string function, string method)
    {
        var trigger = Binding(function, "httpTrigger");

        Assert.Equal("Function", trigger.GetProperty("authLevel").GetString());
        Assert.Contains(method, trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
    }

    [Theory]
    [InlineData("Dashboard", "dashboard")]
    [InlineData("DashboardStartRun", "dashboard/runs")]
    [InlineData("DashboardFile", "dashboard/files/{runId}/{export}/{fileName}")]
    public void Metadata_DashboardFunctions_HaveTheirRoutes(string function, string route)
    {
        Assert.Equal(route, Binding(function, "httpTrigger").GetProperty("route").GetString());
    }

    [Fact]
    public void Metadata_EveryHttpTrigger_NeedsAKeyAndNoneIsAnonymous()
    {
        var httpTriggers = Functions.Value
            .SelectMany(f => f.GetProperty("bindings").EnumerateArray()
                .Where(b => string.Equals(
                    b.GetProperty("type").GetString(), "httpTrigger", StringComparison.OrdinalIgnoreCase))
                .Select(b => (Function: f.GetProperty("name").GetString(), Binding: b)))
            .ToList();

        Assert.Equal(
            ["Dashboard", "DashboardFile", "DashboardStartRun", "ManualRun", "RunStatus"],
            httpTriggers.Select(t => t.Function).Order(StringComparer.Ordinal));
        Assert.All(httpTriggers, t => Assert.True(
            t.Binding.TryGetProperty("authLevel", out var level) && level.GetString() is "Function" or "Admin",
            $"{t.Function} answers requests without a function key."));
    }

    [Fact]
    public void Metadata_Orchestration_HasOrchestrationTrigger()
    {
        Assert.NotNull(Binding("ExportRun", "orchestrationTrigger").ToString());
    }

    [Theory]
    [InlineData("DownloadExport")]
    [InlineData("ImportExport")]
    [InlineData("ReleaseBrowser")]
    [InlineData("RecordRunStarted")]
    [InlineData("NotifyRunStarted")]
    [InlineData("NotifyStepFailed")]
    [InlineData("NotifyExportFailed")]
    [InlineData("NotifyRunFinished")]
    [InlineData("RecordRun")]
    public void Metadata_Activity_HasActivityTrigger(string activity)
    {
        Assert.NotNull(Binding(activity, "activityTrigger").ToString());
    }

    private static JsonElement Binding(string function, string type)
    {
        var entry = Functions.Value.SingleOrDefault(f => f.GetProperty("name").GetString() == function);
        Assert.True(entry.ValueKind == JsonValueKind.Object, $"functions.metadata has no function {function}.");

        return entry.GetProperty("bindings").EnumerateArray()
            .Single(b => string.Equals(b.GetProperty("type").GetString(), type, StringComparison.OrdinalIgnoreCase));
    }
}

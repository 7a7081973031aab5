using System.Globalization;
using Andalan.Functions.Backend;
using Andalan.Functions.Exports;
using Andalan.Functions.Tests.Fixtures;
using Andalan.Functions.Workflow;
using Andalan.Sandbox.Hosting;
using Andalan.Sandbox.Sheets;
using Andalan.Sandbox.Telegram;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Andalan.Functions.Tests.Workflow;

/// <summary>
/// The whole pipeline for orchestration tests: the sandbox, a real Azurite, real Chromium, the app's real
/// services, and the run orchestration hosted in process by <see cref="DurableTaskTestHost"/> with the real
/// activities registered under their Functions names. Derived fixtures change settings and logging, and can
/// restart the app (a new worker process: new browser, new caches) on the same sandbox and storage.
/// </summary>
public class PipelineFixture : IAsyncLifetime, IDisposable
{
    private static readonly TimeZoneInfo Jakarta = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");

    private readonly AzuriteFixture _azurite = new();
    private SandboxInstance? _sandbox;
    private ServiceProvider? _services;
    private DurableTaskTestHost? _host;
    private IConfiguration? _configuration;

    public SandboxInstance Sandbox => _sandbox!;

    public AzuriteFixture Azurite => _azurite;

    public IServiceProvider Services => _services!;

    public DurableTaskClient Client => _host!.Client;

    public ExportCatalog Exports => Services.GetRequiredService<ExportCatalog>();

    public RunCoordinator Coordinator => Services.GetRequiredService<RunCoordinator>();

    public virtual async Task InitializeAsync()
    {
        await _azurite.InitializeAsync();
        _sandbox = await SandboxFixture.StartAsync(ConfigureSandbox);

        // Runs follow each other faster here than twice a day; Telegram's flood limits are tested on their own.
        _sandbox.TelegramLimits().MessagesPerSecond = 0;
        _sandbox.TelegramLimits().GroupMessagesPerMinute = 0;

        var settings = _sandbox.Values
            .Where(v => !v.Key.StartsWith("Andalan__KeyVault", StringComparison.Ordinal) && !v.Key.StartsWith("IDENTITY_", StringComparison.Ordinal))
            .ToDictionary(v => v.Key.Replace("__", ":", StringComparison.Ordinal), v => (string?)v.Value);
        settings["AzureWebJobsStorage"] = _azurite.ConnectionString;
        settings["Andalan:Run:FirstRetryDelaySeconds"] = "1";
        settings["Andalan:Run:RetryBackoffFactor"] = "1";
        ConfigureSettings(settings);
        _configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).AddDefaultExports().Build();

        await StartAppAsync();
    }

    /// <summary>
    /// Stops the app (its browser, its cached tokens, a remembered login refusal) and starts it again on the same
    /// sandbox and storage, as a new worker process would.
    /// </summary>
    /// <param name="overrides">Settings (':' separated) that differ from the fixture's until the next restart.</param>
    public async Task RestartAppAsync(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        await StopAppAsync();
        await StartAppAsync(overrides);
    }

    /// <summary>Sandbox options before it starts.</summary>
    protected virtual void ConfigureSandbox(SandboxOptions options)
    {
    }

    /// <summary>The app's settings (':' separated) before its services are built.</summary>
    protected virtual void ConfigureSettings(IDictionary<string, string?> settings)
    {
    }

    protected virtual void ConfigureLogging(ILoggingBuilder logging) => logging.SetMinimumLevel(LogLevel.Warning);

    private async Task StartAppAsync(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var configuration = overrides is null
            ? _configuration!
            : new ConfigurationBuilder().AddConfiguration(_configuration!).AddInMemoryCollection(overrides).Build();
        _services = new ServiceCollection()
            .AddLogging(ConfigureLogging)
            .AddSingleton(configuration)
            .AddExportPipeline()
            .BuildServiceProvider();
        var activities = _services.GetRequiredService<RunActivities>();

        _host = await DurableTaskTestHost.StartAsync(tasks => Register(tasks, activities));
    }

    private async Task StopAppAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
            _host = null;
        }

        if (_services is not null)
        {
            await _services.DisposeAsync();
            _services = null;
        }
    }

    /// <summary>Starts a run through the coordinator, as the triggers do.</summary>
    public Task<RunStart> StartAsync(string trigger = "manual", IReadOnlyList<string>? exports = null, bool dryRun = false) =>
        Coordinator.StartAsync(Client, Coordinator.CreateRequest(trigger, exports, dryRun), CancellationToken.None);

    /// <summary>Starts a run and waits for its summary.</summary>
    public async Task<RunSummary> RunAsync(IReadOnlyList<string>? exports = null, bool dryRun = false)
    {
        var start = await StartAsync("manual", exports, dryRun);
        Assert.Equal(RunStartStatus.Started, start.Status);

        return await WaitForRunAsync();
    }

    public async Task<RunSummary> WaitForRunAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var instance = await Client.WaitForInstanceCompletionAsync(RunCoordinator.InstanceId, getInputsAndOutputs: true, timeout.Token);
        Assert.True(
            instance.RuntimeStatus == OrchestrationRuntimeStatus.Completed,
            $"The run ended {instance.RuntimeStatus}: {instance.FailureDetails?.ErrorType} {instance.FailureDetails?.ErrorMessage} {instance.FailureDetails?.StackTrace}");

        return instance.ReadOutputAs<RunSummary>()!;
    }

    /// <summary>The tab's rows (schema columns only) as canonical CSV lines, sorted.</summary>
    public IReadOnlyList<string> TabLines(string exportName)
    {
        var export = Exports.Get(exportName);
        var rows = Sandbox.Spreadsheet().Snapshot(export.Tab, formatted: false) ?? [];

        return [.. rows.Skip(1).Select(row => CsvLine(export.Fields.Select((field, i) =>
            Canonical(i < row.Count ? row[i] : null, field.Type)))).Order(StringComparer.Ordinal)];
    }

    /// <summary>The panel's records as canonical CSV lines, sorted, within the window the app exports.</summary>
    public async Task<IReadOnlyList<string>> TruthLinesAsync(string exportName)
    {
        var export = Exports.Get(exportName);
        var query = string.Empty;
        if (export.Page.HasDateWindow)
        {
            var window = DateWindow.EndingToday(TimeProvider.System, Jakarta, export.Page.DateWindowDays!.Value);
            query = string.Create(CultureInfo.InvariantCulture, $"?date_from={window.From:yyyy-MM-dd}&date_to={window.To:yyyy-MM-dd}");
        }

        using var http = new HttpClient { BaseAddress = Sandbox.Addresses.BaseUrl };
        var csv = await http.GetStringAsync($"/_sandbox/truth/{exportName}{query}");

        return [.. csv.Split('\n').Skip(1).Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).Order(StringComparer.Ordinal)];
    }

    public IReadOnlyList<string> ChatTexts() => [.. Sandbox.Chat().Messages.Select(m => m.Text)];

    public virtual async Task DisposeAsync()
    {
        await StopAppAsync();
        if (_sandbox is not null)
        {
            await _sandbox.DisposeAsync();
        }

        await _azurite.DisposeAsync();
    }

    public void Dispose()
    {
        _azurite.Dispose();
        GC.SuppressFinalize(this);
    }

    private static void Register(DurableTaskRegistry tasks, RunActivities activities)
    {
        tasks.AddOrchestratorFunc<RunRequest, RunSummary>(
            ExportRunOrchestration.Name, (context, request) => RunWorkflow.ExecuteAsync(new DurableRunContext(context), request));
        tasks.AddActivityFunc<DownloadInput, DownloadOutcome>(RunSteps.DownloadExport, (_, input) => activities.DownloadAsync(input, default));
        tasks.AddActivityFunc<ImportInput, ImportOutcome>(RunSteps.ImportExport, (_, input) => activities.ImportAsync(input, default));
        tasks.AddActivityFunc<string, bool>(RunSteps.ReleaseBrowser, (_, runId) => activities.ReleaseBrowserAsync(runId));
        tasks.AddActivityFunc<RunStartedInput, bool>(RunSteps.RecordRunStarted, (_, input) => activities.RecordRunStartedAsync(input, default));
        tasks.AddActivityFunc<RunStartedInput, bool>(RunSteps.NotifyRunStarted, (_, input) => activities.NotifyRunStartedAsync(input, default));
        tasks.AddActivityFunc<StepFailedInput, bool>(RunSteps.NotifyStepFailed, (_, input) => activities.NotifyStepFailedAsync(input, default));
        tasks.AddActivityFunc<ExportFailedInput, bool>(
            RunSteps.NotifyExportFailed, (_, input) => activities.NotifyExportFailedAsync(input, default));
        tasks.AddActivityFunc<RunSummary, bool>(RunSteps.RecordRun, (_, summary) => activities.RecordRunAsync(summary, default));
        tasks.AddActivityFunc<RunSummary, bool>(RunSteps.NotifyRunFinished, (_, summary) => activities.NotifyRunFinishedAsync(summary, default));
    }

    private static string CsvLine(IEnumerable<string> cells)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        RecordText.WriteCsvLine(writer, cells);

        return writer.ToString().TrimEnd('\r', '\n');
    }

    /// <summary>A sheet cell as canonical record text: serial numbers back to dates, numbers to integers.</summary>
    private static string Canonical(object? cell, FieldType type) => (cell, type) switch
    {
        (null, _) => string.Empty,
        (double serial, FieldType.Date) => RecordText.Format(DateOnly.FromDateTime(FromSerial(serial))),
        (double serial, FieldType.DateTime) => RecordText.Format(FromSerial(serial)),
        (double number, _) => RecordText.Format((long)Math.Round(number)),
        (string text, _) => text,
        _ => Convert.ToString(cell, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    /// <summary>A Sheets serial number (days since 1899-12-30) as a date and time to the nearest second.</summary>
    private static DateTime FromSerial(double serial)
    {
        var ticks = new DateTime(1899, 12, 30, 0, 0, 0, DateTimeKind.Unspecified).AddDays(serial).Ticks;

        return new DateTime((ticks + (TimeSpan.TicksPerSecond / 2)) / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond);
    }
}

using System.Globalization;
using System.Security.Cryptography;
using Andalan.Functions.Tests.Workflow;
using Andalan.Sandbox.Faults;
using Andalan.Sandbox.Hosting;
using Andalan.Sandbox.Sheets;
using Andalan.Sandbox.Telegram;
using Microsoft.Extensions.Logging;

namespace Andalan.Functions.Tests.Reliability;

/// <summary>
/// The whole pipeline (sandbox, Azurite, Chromium, the orchestration with the real activities) set up for fault
/// tests: every secret begins with a marker made at run time, every log line at every level is kept, failure
/// evidence goes to a folder of its own, and the timeouts and retry budgets are short so that a fault that does
/// not clear ends a run in seconds instead of minutes.
/// </summary>
public sealed class ReliabilityFixture : PipelineFixture
{
    public static readonly string[] AllExports = ["transactions", "point_transactions", "users", "coin_payments"];

    public string SecretMarker { get; } = "Kanari" + Convert.ToHexString(RandomNumberGenerator.GetBytes(4));

    public LogRecorder Logs { get; } = new();

    public string EvidenceDirectory { get; } = Directory.CreateTempSubdirectory("andalan-evidence-").FullName;

    public HttpClient Control { get; private set; } = new();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Control = new HttpClient { BaseAddress = Sandbox.Addresses.BaseUrl };
    }

    public override async Task DisposeAsync()
    {
        Control.Dispose();
        await base.DisposeAsync();
        Directory.Delete(EvidenceDirectory, recursive: true);
    }

    /// <summary>Clears every fault switch and the chat, and gives the clock room so no throttle carries over.</summary>
    public void Reset()
    {
        Sandbox.Faults.Reset();
        Sandbox.Chat().Clear();
    }

    /// <summary>How many keys the export's tab holds more than once, and how many rows are not the truth.</summary>
    public async Task<TabCheck> CheckTabAsync(string export)
    {
        var definition = Exports.Get(export);
        var rows = Sandbox.Spreadsheet().Snapshot(definition.Tab, formatted: false) ?? [];
        var keys = rows.Skip(1)
            .Select(r => definition.KeyIndex < r.Count
                ? Convert.ToString(r[definition.KeyIndex], CultureInfo.InvariantCulture)
                : null)
            .Where(k => !string.IsNullOrEmpty(k))
            .ToList();
        var duplicated = keys.Count - keys.Distinct(StringComparer.Ordinal).Count();
        var truth = await TruthLinesAsync(export);
        var tab = TabLines(export).ToHashSet(StringComparer.Ordinal);
        var missing = truth.Count(line => !tab.Contains(line));

        return new TabCheck(export, rows.Count == 0 ? 0 : rows.Count - 1, truth.Count, missing, duplicated);
    }

    /// <summary>
    /// The app's whole configuration for a child process on this sandbox and storage, with the same short
    /// timeouts; with <paramref name="withVault"/> the secrets are also read from the sandbox's Key Vault.
    /// </summary>
    public Dictionary<string, string> ChildEnvironment(bool withVault = false)
    {
        var values = Sandbox.Values
            .Where(v => withVault || !(v.Key.StartsWith("Andalan__KeyVault", StringComparison.Ordinal)
                || v.Key.StartsWith("IDENTITY_", StringComparison.Ordinal)))
            .ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
        var settings = new Dictionary<string, string?>();
        ConfigureSettings(settings);
        foreach (var (name, value) in settings)
        {
            values[name.Replace(":", "__", StringComparison.Ordinal)] = value!;
        }

        values["AzureWebJobsStorage"] = Azurite.ConnectionString;
        values["Andalan__Run__FirstRetryDelaySeconds"] = "1";
        values["Andalan__Run__RetryBackoffFactor"] = "1";

        return values;
    }

    /// <summary>The keys the export's tab holds.</summary>
    public HashSet<string> TabKeys(string export)
    {
        var definition = Exports.Get(export);
        var rows = Sandbox.Spreadsheet().Snapshot(definition.Tab, formatted: false) ?? [];

        return [.. rows.Skip(1)
            .Select(r => definition.KeyIndex < r.Count
                ? Convert.ToString(r[definition.KeyIndex], CultureInfo.InvariantCulture)
                : null)
            .OfType<string>()
            .Where(k => k.Length > 0)];
    }

    /// <summary>Moves the panel's data on: new records, some changed.</summary>
    public async Task AdvanceAsync(int hours)
    {
        using var body = new StringContent($$"""{"hours":{{hours}}}""", System.Text.Encoding.UTF8, "application/json");
        (await Control.PostAsync("/_sandbox/advance", body)).EnsureSuccessStatusCode();
    }

    protected override void ConfigureSandbox(SandboxOptions options) => options.SecretMarker = SecretMarker;

    protected override void ConfigureSettings(IDictionary<string, string?> settings)
    {
        settings["Andalan:Panel:NavigationTimeout"] = "00:00:08";
        settings["Andalan:Panel:LoginTimeout"] = "00:00:10";
        settings["Andalan:Panel:EvidenceDirectory"] = EvidenceDirectory;
        settings["Andalan:Sheets:RetryBudget"] = "00:00:04";
        settings["Andalan:Sheets:RetryBaseDelay"] = "00:00:00.200";
        settings["Andalan:Sheets:MaxRetryDelay"] = "00:00:01";
        settings["Andalan:Telegram:RetryBudget"] = "00:00:04";
        settings["Andalan:Telegram:RequestTimeout"] = "00:00:03";
    }

    protected override void ConfigureLogging(ILoggingBuilder logging)
    {
        logging.SetMinimumLevel(LogLevel.Trace);
        logging.AddProvider(Logs);
    }
}

/// <summary>A tab compared with the panel's truth: rows missing from it and keys held more than once.</summary>
public sealed record TabCheck(string Export, int Rows, int TruthRows, int Missing, int Duplicated)
{
    public bool MatchesTruth => Missing == 0 && Duplicated == 0;
}

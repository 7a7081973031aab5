using Andalan.Functions.Exports;
using Andalan.Functions.Sheets;
using Andalan.Sandbox.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Andalan.Functions.Tests.Sheets;

/// <summary>The app's Sheets services wired as the app wires them, with the settings a sandbox writes.</summary>
internal sealed class SheetsAppHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public SheetsAppHost(SandboxInstance sandbox, IDictionary<string, string?>? overrides = null)
    {
        var settings = sandbox.Values.ToDictionary(
            p => p.Key.Replace("__", ":", StringComparison.Ordinal), p => (string?)p.Value);
        settings["Andalan:Sheets:RetryBaseDelay"] = "00:00:00.050";
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddDefaultExports().AddInMemoryCollection(settings).Build();
        _services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddExports()
            .AddSheets()
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public ExportCatalog Exports => _services.GetRequiredService<ExportCatalog>();

    /// <summary>A fresh sync, as each activity of a run would resolve one.</summary>
    public SheetSync Sync() => _services.GetRequiredService<SheetSync>();

    /// <summary>An export definition moved to its own tab, so tests sharing a sandbox do not meet.</summary>
    public ExportDefinition Export(string name, string tab)
    {
        var source = Exports.Get(name);

        return new ExportDefinition
        {
            Name = source.Name,
            Enabled = source.Enabled,
            Format = source.Format,
            Key = source.Key,
            Fields = source.Fields,
            Tab = tab,
            Page = source.Page,
        };
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}

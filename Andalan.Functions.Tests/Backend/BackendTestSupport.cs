using Andalan.Functions.Backend;
using Andalan.Functions.Exports;
using Andalan.Sandbox.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;

namespace Andalan.Functions.Tests.Backend;

/// <summary>Settings, exports and sessions for tests that drive the sandbox's panel with real Chromium.</summary>
internal static class BackendTestSupport
{
    public static readonly ExportCatalog Exports =
        ExportsRegistration.ReadExports(new ConfigurationBuilder().AddDefaultExports().Build());

    /// <summary>The app's panel settings for a sandbox, read the way the app reads them.</summary>
    public static PanelOptions OptionsFor(IReadOnlyDictionary<string, string> values, Action<PanelOptions>? change = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v =>
                new KeyValuePair<string, string?>(v.Key.Replace("__", ":", StringComparison.Ordinal), v.Value)))
            .Build();
        var options = configuration.GetSection(PanelOptions.SectionName).Get<PanelOptions>()
            ?? throw new InvalidOperationException("The sandbox gave no panel settings.");
        options.SelectorTimeout = TimeSpan.FromSeconds(5);
        change?.Invoke(options);

        return options;
    }

    public static PanelOptions OptionsFor(SandboxInstance sandbox, Action<PanelOptions>? change = null) =>
        OptionsFor(sandbox.Values, change);

    public static BackendSession Session(PanelOptions options, FakeLogger<BackendSession> logger) =>
        new(Options.Create(options), TimeProvider.System, logger);

    /// <summary>A copy of an export definition with a change, so the shared catalog stays as configured.</summary>
    public static ExportDefinition Export(string name, Action<ExportPage>? change = null)
    {
        var source = Exports.Get(name);
        var page = new ExportPage
        {
            Path = source.Page.Path,
            ExportButton = source.Page.ExportButton,
            DateFromInput = source.Page.DateFromInput,
            DateToInput = source.Page.DateToInput,
            FilterSubmit = source.Page.FilterSubmit,
            DateWindowDays = source.Page.DateWindowDays,
        };
        change?.Invoke(page);

        return new ExportDefinition
        {
            Name = source.Name,
            Format = source.Format,
            Key = source.Key,
            Tab = source.Tab,
            Fields = source.Fields,
            Page = page,
        };
    }
}

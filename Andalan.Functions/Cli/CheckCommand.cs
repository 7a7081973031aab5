using Andalan.Functions.Backend;
using Andalan.Functions.Exports;
using Andalan.Functions.Notifications;
using Andalan.Functions.Preflight;
using Andalan.Functions.Secrets;
using Andalan.Functions.Sheets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Andalan.Functions.Cli;

/// <summary>
/// The <c>check</c> verb: preflight before a first run or after a change. Settings valid, secrets readable,
/// login works, every export's page and button found, each sheet reachable with a compatible header, the
/// Telegram bot answers. One line per check; exit 0 when all pass, 1 otherwise, 2 when settings are invalid.
/// </summary>
internal static class CheckCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        string? settingsFile = args is ["--settings", var file] ? file : null;
        if (args.Length > 0 && settingsFile is null)
        {
            await error.WriteLineAsync("Usage: check [--settings FILE]");

            return 2;
        }

        IHost host;
        try
        {
            host = await CliHost.StartAsync(settingsFile, CancellationToken.None);
        }
        catch (Exception e) when (CliHost.IsSettingsProblem(e))
        {
            await output.WriteLineAsync($"FAIL  settings: {e.Message}");

            return 2;
        }

        await using (host as IAsyncDisposable)
        {
            var services = host.Services;
            var results = new List<PreflightResult> { new("settings", true, "all settings are valid") };
            results.AddRange(await services.GetRequiredService<SecretsPreflight>().CheckAsync(CancellationToken.None));
            results.AddRange(await services.GetRequiredService<PanelPreflight>().CheckAsync(CancellationToken.None));
            results.AddRange(await services.GetRequiredService<SheetSync>()
                .CheckAsync(services.GetRequiredService<ExportCatalog>().Enabled, CancellationToken.None));
            results.Add(await services.GetRequiredService<TelegramPreflight>().CheckAsync(CancellationToken.None));

            foreach (var result in results)
            {
                await output.WriteLineAsync($"{(result.Passed ? "ok  " : "FAIL")}  {result.Check}: {result.Detail}");
            }

            await host.StopAsync();

            return results.TrueForAll(r => r.Passed) ? 0 : 1;
        }
    }
}

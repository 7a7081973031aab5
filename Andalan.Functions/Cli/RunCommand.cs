using System.Text.Json;
using System.Text.Json.Serialization;
using Andalan.Functions.Exports;
using Andalan.Functions.Workflow;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Andalan.Functions.Cli;

/// <summary>
/// The <c>run</c> verb: one whole run now, through the same workflow code as the orchestration. Progress on
/// stderr, the summary table on stdout; exit 0 when every export succeeded, 1 when any failed, 2 when the run
/// could not start. <c>--dashboard FILE</c> also writes the run dashboard, as a static page from the run
/// history, once the run is recorded.
/// </summary>
internal static class RunCommand
{
    private static readonly JsonSerializerOptions SummaryJson = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (!TryParse(args, out var options, out var problem))
        {
            await error.WriteLineAsync(problem);
            await error.WriteLineAsync(
                "Usage: run [--export NAME]... [--dry-run] [--summary FILE] [--dashboard FILE] [--settings FILE]");

            return 2;
        }

        IHost host;
        try
        {
            host = await CliHost.StartAsync(options.SettingsFile, CancellationToken.None);
        }
        catch (Exception e) when (CliHost.IsSettingsProblem(e))
        {
            await error.WriteLineAsync($"The run cannot start: {e.Message}");

            return 2;
        }

        await using (host as IAsyncDisposable)
        {
            RunRequest request;
            try
            {
                request = host.Services.GetRequiredService<RunCoordinator>()
                    .CreateRequest("cli", options.Exports, options.DryRun);
            }
            catch (UnknownExportException e)
            {
                await error.WriteLineAsync(e.Message);

                return 2;
            }

            var activities = host.Services.GetRequiredService<RunActivities>();
            using var context = new InProcessRunContext(activities, host.Services.GetRequiredService<TimeProvider>(), error);
            await error.WriteLineAsync($"Run {request.RunId}: {string.Join(", ", request.Exports)}{(options.DryRun ? " (dry run)" : string.Empty)}");
            var summary = await RunWorkflow.ExecuteAsync(context, request);

            RunSummaryTable.Write(output, summary);
            if (options.SummaryFile is not null)
            {
                await File.WriteAllTextAsync(options.SummaryFile, JsonSerializer.Serialize(summary, SummaryJson));
            }

            if (options.DashboardFile is not null
                && await DashboardCommand.WriteAsync(host.Services, options.DashboardFile, error) is { } dashboard)
            {
                await output.WriteLineAsync();
                await output.WriteLineAsync($"Dashboard: {dashboard}");
            }

            await host.StopAsync();

            return summary.AllSucceeded ? 0 : 1;
        }
    }

    private static bool TryParse(string[] args, out RunVerbOptions options, out string problem)
    {
        options = new RunVerbOptions();
        problem = string.Empty;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--dry-run":
                    options.DryRun = true;
                    break;
                case "--export" when i + 1 < args.Length:
                    options.Exports.Add(args[++i]);
                    break;
                case "--summary" when i + 1 < args.Length:
                    options.SummaryFile = args[++i];
                    break;
                case "--dashboard" when i + 1 < args.Length:
                    options.DashboardFile = args[++i];
                    break;
                case "--settings" when i + 1 < args.Length:
                    options.SettingsFile = args[++i];
                    break;
                default:
                    problem = $"Unknown or incomplete option '{args[i]}'.";

                    return false;
            }
        }

        return true;
    }
}

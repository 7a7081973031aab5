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
/// could not start.
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
        if (!TryParse(args, out var exports, out var dryRun, out var summaryFile, out var settingsFile, out var problem))
        {
            await error.WriteLineAsync(problem);
            await error.WriteLineAsync("Usage: run [--export NAME]... [--dry-run] [--summary FILE] [--settings FILE]");

            return 2;
        }

        IHost host;
        try
        {
            host = await CliHost.StartAsync(settingsFile, CancellationToken.None);
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
                request = host.Services.GetRequiredService<RunCoordinator>().CreateRequest("cli", exports, dryRun);
            }
            catch (UnknownExportException e)
            {
                await error.WriteLineAsync(e.Message);

                return 2;
            }

            var activities = host.Services.GetRequiredService<RunActivities>();
            using var context = new InProcessRunContext(activities, host.Services.GetRequiredService<TimeProvider>(), error);
            await error.WriteLineAsync($"Run {request.RunId}: {string.Join(", ", request.Exports)}{(dryRun ? " (dry run)" : string.Empty)}");
            var summary = await RunWorkflow.ExecuteAsync(context, request);

            RunSummaryTable.Write(output, summary);
            if (summaryFile is not null)
            {
                await File.WriteAllTextAsync(summaryFile, JsonSerializer.Serialize(summary, SummaryJson));
            }

            await host.StopAsync();

            return summary.AllSucceeded ? 0 : 1;
        }
    }

    private static bool TryParse(
        string[] args, out List<string> exports, out bool dryRun, out string? summaryFile, out string? settingsFile,
        out string problem)
    {
        exports = [];
        dryRun = false;
        summaryFile = null;
        settingsFile = null;
        problem = string.Empty;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--dry-run":
                    dryRun = true;
                    break;
                case "--export" or "--summary" or "--settings" when i + 1 < args.Length:
                    var value = args[++i];
                    if (args[i - 1] == "--export")
                    {
                        exports.Add(value);
                    }
                    else if (args[i - 1] == "--summary")
                    {
                        summaryFile = value;
                    }
                    else
                    {
                        settingsFile = value;
                    }

                    break;
                default:
                    problem = $"Unknown or incomplete option '{args[i]}'.";

                    return false;
            }
        }

        return true;
    }
}

using Andalan.Functions.Dashboard;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Andalan.Functions.Cli;

/// <summary>
/// The <c>dashboard</c> verb: <c>dashboard [--out FILE] [--settings FILE]</c> writes the run dashboard as a
/// static HTML file from the run history (the same page <c>GET /api/dashboard</c> serves, without the start
/// button and file links) and prints its path. Exit 0 when written, 1 when the history could not be read, 2 for
/// a usage or settings error.
/// </summary>
internal static class DashboardCommand
{
    public const string DefaultFile = "dashboard.html";

    private const string Usage = "Usage: dashboard [--out FILE] [--settings FILE]";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        string? settingsFile = null;
        var file = DefaultFile;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--out" when i + 1 < args.Length:
                    file = args[++i];
                    break;
                case "--settings" when i + 1 < args.Length:
                    settingsFile = args[++i];
                    break;
                default:
                    await error.WriteLineAsync($"Unknown or incomplete option '{args[i]}'.");
                    await error.WriteLineAsync(Usage);

                    return 2;
            }
        }

        IHost host;
        try
        {
            host = await CliHost.StartAsync(settingsFile, CancellationToken.None);
        }
        catch (Exception e) when (CliHost.IsSettingsProblem(e))
        {
            await error.WriteLineAsync($"The dashboard cannot be written: {e.Message}");

            return 2;
        }

        await using (host as IAsyncDisposable)
        {
            var written = await WriteAsync(host.Services, file, error);
            if (written is not null)
            {
                await output.WriteLineAsync(written);
            }

            await host.StopAsync();

            return written is null ? 1 : 0;
        }
    }

    /// <summary>Writes the static dashboard; its full path, or null (said on <paramref name="error"/>) when it failed.</summary>
    public static async Task<string?> WriteAsync(IServiceProvider services, string file, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            var html = await services.GetRequiredService<RunDashboard>().RenderStaticAsync(CancellationToken.None);
            var path = Path.GetFullPath(file);
            if (Path.GetDirectoryName(path) is { } folder)
            {
                Directory.CreateDirectory(folder);
            }

            await File.WriteAllTextAsync(path, html);

            return path;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Azure.RequestFailedException)
        {
            await error.WriteLineAsync($"The dashboard could not be written to {file}: {e.Message}");

            return null;
        }
    }
}

namespace Andalan.Functions.Cli;

/// <summary>
/// The function app's executable as a shell tool: the same work as the Functions host, outside it.
/// </summary>
public static class CommandLine
{
    private static readonly string[] Verbs = ["extract", "run", "check", "dashboard", "help", "--help", "-h"];

    public static bool IsVerb(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);

        return args.Length > 0 && Verbs.Contains(args[0], StringComparer.Ordinal);
    }

    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var rest = args[1..];

        return args[0] switch
        {
            "extract" => await ExtractCommand.RunAsync(rest, Console.Out, Console.Error),
            "run" => await RunCommand.RunAsync(rest, Console.Out, Console.Error),
            "check" => await CheckCommand.RunAsync(rest, Console.Out, Console.Error),
            "dashboard" => await DashboardCommand.RunAsync(rest, Console.Out, Console.Error),
            _ => Usage(args[0] is "help" or "--help" or "-h" ? Console.Out : Console.Error, args[0]),
        };
    }

    private static int Usage(TextWriter writer, string verb)
    {
        writer.WriteLine("""
            Usage: Andalan.Functions VERB [options]

              extract --export NAME FILE [--raw]   print a downloaded file's records as CSV
              run [--export NAME]... [--dry-run] [--summary FILE] [--dashboard FILE] [--settings FILE]
                                                   one whole run now with the configured settings
              check [--settings FILE]              preflight: settings, secrets, login, pages, sheets, Telegram
              dashboard [--out FILE] [--settings FILE]
                                                   the run dashboard as a static HTML file, from the run history

            --settings FILE reads a local.settings.json-shaped file; its Values become environment variables.
            Without a verb the executable starts the Azure Functions worker.
            """);

        return verb is "help" or "--help" or "-h" ? 0 : 2;
    }
}

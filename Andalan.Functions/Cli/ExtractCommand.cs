using Andalan.Functions.Documents;
using Andalan.Functions.Exports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Andalan.Functions.Cli;

/// <summary>
/// The <c>extract</c> verb: <c>extract --export NAME FILE [--raw]</c> prints a downloaded file's records as
/// canonical CSV on stdout (or, with <c>--raw</c>, the table as the document shows it), and rejected rows and
/// warnings on stderr. Exit 0 on success, 1 when the file cannot be read, 2 for a usage error.
/// </summary>
internal static class ExtractCommand
{
    private const string Usage = "Usage: extract --export NAME FILE [--raw]";

    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (!TryParse(args, out var exportName, out var file, out var raw, out var problem))
        {
            error.WriteLine(problem);
            error.WriteLine(Usage);

            return Task.FromResult(2);
        }

        var configuration = new ConfigurationBuilder()
            .AddDefaultExports()
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
        ExportDefinition export;
        try
        {
            export = ExportsRegistration.ReadExports(configuration).Get(exportName);
        }
        catch (UnknownExportException e)
        {
            error.WriteLine(e.Message);

            return Task.FromResult(2);
        }
        catch (InvalidOperationException e)
        {
            error.WriteLine(e.Message);

            return Task.FromResult(1);
        }

        using var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddDocuments()
            .BuildServiceProvider();
        try
        {
            var reader = services.GetRequiredService<DocumentReader>();
            if (raw)
            {
                var table = reader.ReadRaw(file, export);
                WriteBuffered(output, writer => WriteRaw(writer, table));
            }
            else
            {
                var result = reader.Read(file, export);
                WriteBuffered(output, writer => RecordText.WriteCsv(writer, export, result.Records));
                WriteReport(error, file, result);
            }

            output.Flush();

            return Task.FromResult(0);
        }
        catch (DocumentException e)
        {
            output.Flush();
            error.WriteLine($"{file}: {e.Message}");

            return Task.FromResult(1);
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException e)
        {
            error.WriteLine($"The settings under {DocumentsOptions.SectionName} are not valid: {e.Message}");

            return Task.FromResult(1);
        }
    }

    private static bool TryParse(string[] args, out string export, out string file, out bool raw, out string problem)
    {
        export = string.Empty;
        file = string.Empty;
        raw = false;
        problem = string.Empty;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--export" when i + 1 < args.Length:
                    export = args[++i];
                    break;
                case "--raw":
                    raw = true;
                    break;
                case var option when option.StartsWith("--", StringComparison.Ordinal):
                    problem = $"Unknown or incomplete option '{option}'.";

                    return false;
                default:
                    if (file.Length > 0)
                    {
                        problem = $"Only one file at a time; got '{file}' and '{args[i]}'.";

                        return false;
                    }

                    file = args[i];
                    break;
            }
        }

        problem = export.Length == 0 ? "--export NAME is required." : file.Length == 0 ? "FILE is required." : "";

        return problem.Length == 0;
    }

    /// <summary>
    /// Console output flushes on every write, and CSV is written a cell at a time: a buffer in between turns
    /// millions of small writes into a few large ones.
    /// </summary>
    private static void WriteBuffered(TextWriter output, Action<TextWriter> write)
    {
        using var buffer = new ChunkedWriter(output);
        write(buffer);
    }

    private static void WriteRaw(TextWriter output, RawTable table)
    {
        RecordText.WriteCsvLine(output, table.Header);
        foreach (var row in table.Rows)
        {
            RecordText.WriteCsvLine(output, row);
        }
    }

    private static void WriteReport(TextWriter error, string file, ExtractionResult result)
    {
        foreach (var warning in result.Warnings)
        {
            error.WriteLine($"warning: {warning}");
        }

        foreach (var rejection in result.Rejected)
        {
            error.WriteLine($"rejected: {rejection}");
        }

        error.WriteLine($"{file}: {result.Records.Count} records, {result.RowsRejected} rows rejected, " +
            $"{result.RowsRead} rows read, {result.Pages} page(s).");
    }
}

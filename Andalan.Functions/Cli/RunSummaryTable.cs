using System.Globalization;
using Andalan.Functions.Workflow;

namespace Andalan.Functions.Cli;

/// <summary>The summary table the <c>run</c> verb prints at the end.</summary>
internal static class RunSummaryTable
{
    public static void Write(TextWriter writer, RunSummary summary)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(summary);
        var culture = CultureInfo.InvariantCulture;
        writer.WriteLine(string.Create(culture,
            $"Run {summary.RunId} ({summary.Trigger}{(summary.DryRun ? ", dry run" : string.Empty)}) took " +
            $"{summary.Duration.TotalSeconds:0.0} s: {summary.Succeeded} of {summary.Exports.Count} exports succeeded."));
        writer.WriteLine();
        writer.WriteLine(string.Create(culture,
            $"{"export",-20} {"status",-9} {"rows",7} {"new",7} {"updated",7} {"same",7} {"rejected",8} {"calls",5} {"tries",5} {"time",7}"));
        foreach (var export in summary.Exports)
        {
            var import = export.Import;
            var tries = export.Failures.Count + (export.Succeeded ? 1 : 0);
            var status = export.Succeeded ? (export.Recovered ? "recovered" : "ok") : "FAILED";
            writer.WriteLine(string.Create(culture,
                $"{export.Export,-20} {status,-9} {import?.RowsRead,7} {import?.New,7} {import?.Updated,7} " +
                $"{import?.Unchanged,7} {import?.Rejected,8} {import?.ApiCalls,5} {tries,5} {export.Seconds,6:0.0}s"));
        }

        foreach (var failed in summary.Exports.Where(e => !e.Succeeded))
        {
            writer.WriteLine();
            writer.WriteLine($"{failed.Export}: {failed.Error}");
        }
    }
}

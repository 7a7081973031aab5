namespace Andalan.Functions.Cli;

/// <summary>The <c>extract</c> verb: a file's records as canonical CSV (issue 4 fills this in).</summary>
internal static class ExtractCommand
{
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        error.WriteLine("extract is not built yet.");
        output.Flush();

        return Task.FromResult(2);
    }
}

namespace Andalan.Functions.Tests.Fixtures;

/// <summary>Paths in the repository the tests run from.</summary>
public static class RepositoryPaths
{
    /// <summary>The folder that holds Andalan.Functions.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>Debug or Release: the configuration the tests were built in.</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Release"
            : "Debug";

    /// <summary>A file in the function app's build output, built in the same configuration as the tests.</summary>
    public static string AppOutputFile(string name) =>
        Path.Combine(Root, "Andalan.Functions", "bin", Configuration, "net10.0", name);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Andalan.Functions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Andalan.Functions.sln above {AppContext.BaseDirectory}.");
    }
}

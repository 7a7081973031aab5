using System.Diagnostics;
using Andalan.Functions.Tests.Fixtures;

namespace Andalan.Functions.Tests.Deployment;

/// <summary>
/// A real <c>dotnet publish</c> of the function app with the arguments the Dockerfile's publish stage uses,
/// into a temporary folder instead of the image's, once for the test class (about 30-60 s). The stage's
/// WORKDIR holds the repository's files at the same relative paths, so the command runs from the repository root.
/// </summary>
public sealed class PublishedAppFixture : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(8);

    public PublishedAppFixture()
    {
        var stage = Dockerfile.Read().Stage("publish");
        var command = stage.Commands().SingleOrDefault(c => c.Count > 1 && c[0] == "dotnet" && c[1] == "publish")
            ?? throw new InvalidOperationException("The Dockerfile's publish stage runs no `dotnet publish`.");
        var output = command.Select((word, i) => (word, i))
            .SingleOrDefault(p => p.word is "-o" or "--output").i;
        ImageOutput = output > 0 ? command[output + 1] : throw new InvalidOperationException("dotnet publish has no -o.");
        Arguments = command;
        Moves = [.. stage.Commands().Where(c => c.Count == 3 && c[0] == "mv").Select(c => (c[1], c[2]))];

        Output = Directory.CreateTempSubdirectory("andalan-publish-").FullName;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        for (var i = 1; i < command.Count; i++)
        {
            if (i == output)
            {
                start.ArgumentList.Add(command[i]);
                start.ArgumentList.Add(Output);
                i++;
            }
            else if (command[i] != "--no-restore")
            {
                // The image restores in a step of its own; here restore is part of the publish.
                start.ArgumentList.Add(command[i]);
            }
        }

        start.ArgumentList.Add("-nologo");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet publish took longer than {Timeout}.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"dotnet publish failed ({process.ExitCode}):{Environment.NewLine}{stdout.Result}{stderr.Result}");
        }
    }

    /// <summary>The publish's words as the Dockerfile writes them.</summary>
    public IReadOnlyList<string> Arguments { get; }

    /// <summary>Where the image's publish goes (its -o).</summary>
    public string ImageOutput { get; }

    /// <summary>The <c>mv FROM TO</c> commands of the publish stage.</summary>
    public IReadOnlyList<(string From, string To)> Moves { get; }

    /// <summary>This machine's publish output.</summary>
    public string Output { get; }

    /// <summary>
    /// The path in this machine's publish output that a path of the image's publish stage stands for, undoing the
    /// stage's moves; null when the path is outside the publish output.
    /// </summary>
    public string? Local(string imagePath)
    {
        ArgumentNullException.ThrowIfNull(imagePath);
        var path = imagePath.TrimEnd('/');
        foreach (var (from, to) in Moves)
        {
            if (path == to || path.StartsWith(to + "/", StringComparison.Ordinal))
            {
                path = from + path[to.Length..];
            }
        }

        var root = ImageOutput.TrimEnd('/');
        if (path == root)
        {
            return Output;
        }

        return path.StartsWith(root + "/", StringComparison.Ordinal)
            ? Path.Combine(Output, path[(root.Length + 1)..])
            : null;
    }

    /// <summary>
    /// The files (relative, with /) a COPY of <paramref name="imagePath"/> takes, as this machine's publish has
    /// them: a folder's files less those the stage moved out of it, or the one file.
    /// </summary>
    public IReadOnlyList<string> FilesAt(string imagePath)
    {
        ArgumentNullException.ThrowIfNull(imagePath);
        var local = Local(imagePath) ?? throw new ArgumentException($"{imagePath} is outside the publish output.", nameof(imagePath));
        if (File.Exists(local))
        {
            return [string.Empty];
        }

        var folder = imagePath.TrimEnd('/') + "/";
        var movedAway = Moves
            .Where(m => m.From.StartsWith(folder, StringComparison.Ordinal))
            .Select(m => m.From[folder.Length..].TrimEnd('/') + "/")
            .ToList();

        return [.. Directory.EnumerateFiles(local, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(local, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(f => !movedAway.Any(m => f.StartsWith(m, StringComparison.Ordinal)))];
    }

    public void Dispose()
    {
        if (Directory.Exists(Output))
        {
            Directory.Delete(Output, recursive: true);
        }
    }
}

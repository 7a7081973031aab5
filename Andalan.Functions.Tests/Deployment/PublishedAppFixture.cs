using System.Diagnostics;
using Andalan.Functions.Tests.Fixtures;

namespace Andalan.Functions.Tests.Deployment;

/// <summary>
/// The Dockerfile's publish stage replayed without Docker, once for the test class (one to two minutes): its
/// COPY instructions fill a temporary build context from the repository (leaving out what .dockerignore does),
/// then its <c>dotnet</c> commands run there as written, except that the publish goes to a temporary folder
/// instead of the image's. A file the stage forgets to copy fails the publish here as it would in Docker.
/// </summary>
public sealed class PublishedAppFixture : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(8);

    private readonly string _context;

    public PublishedAppFixture()
    {
        var stage = Dockerfile.Read().Stage("publish");
        var commands = stage.Commands();
        var publish = commands.SingleOrDefault(c => c.Count > 1 && c[0] == "dotnet" && c[1] == "publish")
            ?? throw new InvalidOperationException("The Dockerfile's publish stage runs no `dotnet publish`.");
        var output = publish.ToList().FindIndex(word => word is "-o" or "--output");
        ImageOutput = output > 0
            ? publish[output + 1]
            : throw new InvalidOperationException("The Dockerfile's dotnet publish has no -o.");
        Arguments = publish;
        Moves = [.. commands.Where(c => c.Count == 3 && c[0] == "mv").Select(c => (c[1], c[2]))];

        _context = Directory.CreateTempSubdirectory("andalan-image-context-").FullName;
        Output = Directory.CreateTempSubdirectory("andalan-publish-").FullName;
        try
        {
            var ignored = DockerIgnore.Read();
            foreach (var copy in stage.Copies().Where(c => c.From is null))
            {
                foreach (var source in copy.Sources)
                {
                    CopyIntoContext(source, copy.Destination, ignored);
                }
            }

            foreach (var command in commands.Where(c => c.Count > 1 && c[0] == "dotnet"))
            {
                // Words after `dotnet`; the publish's output folder is swapped for this machine's.
                var isPublish = ReferenceEquals(command, publish);
                Run([.. command.Skip(1).Select((word, i) => isPublish && i == output ? Output : word)]);
            }
        }
        catch
        {
            // xunit does not dispose a fixture whose constructor threw.
            Dispose();
            throw;
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
        var local = Local(imagePath)
            ?? throw new ArgumentException($"{imagePath} is outside the publish output.", nameof(imagePath));
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
        foreach (var folder in (string[])[Output, _context])
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    /// <summary>COPY's rules: a folder's contents go into the destination folder, a file into it by its name.</summary>
    private void CopyIntoContext(string source, string destination, DockerIgnore ignored)
    {
        var from = Path.Combine(RepositoryPaths.Root, source);
        var to = Path.GetFullPath(Path.Combine(_context, destination));
        Directory.CreateDirectory(to);
        if (File.Exists(from))
        {
            File.Copy(from, Path.Combine(to, Path.GetFileName(from)), overwrite: true);
            return;
        }

        if (!Directory.Exists(from))
        {
            throw new InvalidOperationException($"The Dockerfile copies {source}, which is not in the repository.");
        }

        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var inContext = Path.GetRelativePath(RepositoryPaths.Root, file).Replace(Path.DirectorySeparatorChar, '/');
            if (ignored.Excludes(inContext))
            {
                continue;
            }

            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }

    private void Run(IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _context,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add("-nologo");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', arguments)} took longer than {Timeout}.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"dotnet {string.Join(' ', arguments)} failed ({process.ExitCode}) in the image's build context:" +
                $"{Environment.NewLine}{stdout.Result}{stderr.Result}");
        }
    }
}

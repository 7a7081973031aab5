using Andalan.Functions.Tests.Fixtures;

namespace Andalan.Functions.Tests.Deployment;

/// <summary>
/// The repository's .dockerignore, for the patterns this project writes: <c>**/name</c> (that name at any
/// depth), <c>name/</c> or <c>path/name</c> (from the context's root), with or without a trailing slash.
/// </summary>
internal sealed class DockerIgnore
{
    private DockerIgnore(IReadOnlyList<string> patterns) => Patterns = patterns;

    public IReadOnlyList<string> Patterns { get; }

    public static DockerIgnore Read() =>
        new([.. File.ReadAllLines(Path.Combine(RepositoryPaths.Root, ".dockerignore"))
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))]);

    /// <summary>Whether a file or folder (path from the context's root, with /) is left out of the context.</summary>
    public bool Excludes(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var segments = path.Trim('/').Split('/');

        return Patterns.Any(pattern => Matches(pattern.TrimEnd('/'), segments));
    }

    private static bool Matches(string pattern, string[] segments)
    {
        if (pattern.StartsWith("**/", StringComparison.Ordinal))
        {
            var name = pattern["**/".Length..].Split('/');

            return Enumerable.Range(0, segments.Length - name.Length + 1)
                .Any(start => segments.Skip(start).Take(name.Length).SequenceEqual(name, StringComparer.Ordinal));
        }

        var fixedPath = pattern.Split('/');

        return segments.Length >= fixedPath.Length &&
            segments.Take(fixedPath.Length).SequenceEqual(fixedPath, StringComparer.Ordinal);
    }
}

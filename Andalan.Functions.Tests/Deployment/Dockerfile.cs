using System.Text;
using Andalan.Functions.Tests.Fixtures;

namespace Andalan.Functions.Tests.Deployment;

/// <summary>
/// The repository's Dockerfile read into stages and instructions: enough of Docker's syntax for what this
/// project writes (line continuations, comments, ENV key=value pairs with double quotes, COPY --from).
/// </summary>
internal sealed class Dockerfile
{
    private Dockerfile(IReadOnlyList<DockerStage> stages) => Stages = stages;

    public IReadOnlyList<DockerStage> Stages { get; }

    public DockerStage Final => Stages[^1];

    public static string PathInRepository => Path.Combine(RepositoryPaths.Root, "Dockerfile");

    public DockerStage Stage(string name) =>
        Stages.SingleOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new InvalidOperationException($"The Dockerfile has no stage named {name}.");

    public static Dockerfile Read() => Parse(File.ReadAllText(PathInRepository));

    public static Dockerfile Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var stages = new List<DockerStage>();
        foreach (var (keyword, arguments) in Instructions(text))
        {
            if (keyword == "FROM")
            {
                var words = Words(arguments).Where(w => !w.StartsWith("--", StringComparison.Ordinal)).ToList();
                var named = words.Count >= 3 && words[1].Equals("AS", StringComparison.OrdinalIgnoreCase);
                var name = named ? words[2] : null;
                stages.Add(new DockerStage(words[0], name));
                continue;
            }

            if (stages.Count == 0)
            {
                throw new FormatException($"{keyword} before the first FROM.");
            }

            stages[^1].Instructions.Add(new DockerInstruction(keyword, arguments));
        }

        return new Dockerfile(stages);
    }

    /// <summary>Splits a shell-ish argument string on white space, keeping double-quoted parts together.</summary>
    public static IReadOnlyList<string> Words(string arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var words = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        var inWord = false;
        foreach (var c in arguments)
        {
            if (c == '"')
            {
                quoted = !quoted;
                inWord = true;
            }
            else if (char.IsWhiteSpace(c) && !quoted)
            {
                if (inWord)
                {
                    words.Add(current.ToString());
                    current.Clear();
                    inWord = false;
                }
            }
            else
            {
                current.Append(c);
                inWord = true;
            }
        }

        if (inWord)
        {
            words.Add(current.ToString());
        }

        return words;
    }

    private static IEnumerable<(string Keyword, string Arguments)> Instructions(string text)
    {
        var logical = new StringBuilder();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (logical.Length == 0 && (line.TrimStart().StartsWith('#') || string.IsNullOrWhiteSpace(line)))
            {
                continue;
            }

            if (logical.Length > 0 && line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            if (line.EndsWith('\\'))
            {
                logical.Append(line[..^1]).Append(' ');
                continue;
            }

            logical.Append(line);
            var instruction = logical.ToString().Trim();
            logical.Clear();
            var space = instruction.IndexOf(' ', StringComparison.Ordinal);
            yield return space < 0
                ? (instruction.ToUpperInvariant(), string.Empty)
                : (instruction[..space].ToUpperInvariant(), instruction[(space + 1)..].Trim());
        }
    }
}

internal sealed record DockerStage(string Image, string? Name)
{
    public List<DockerInstruction> Instructions { get; } = [];

    public IEnumerable<DockerInstruction> All(string keyword) => Instructions.Where(i => i.Keyword == keyword);

    /// <summary>Every ENV key and value in this stage.</summary>
    public IReadOnlyDictionary<string, string> Environment() =>
        All("ENV").SelectMany(i => Dockerfile.Words(i.Arguments))
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : string.Empty, StringComparer.Ordinal);

    /// <summary>The COPY instructions as (from stage or null, sources, destination).</summary>
    public IReadOnlyList<DockerCopy> Copies() =>
        [.. All("COPY").Select(i =>
        {
            var words = Dockerfile.Words(i.Arguments);
            var from = words.FirstOrDefault(w => w.StartsWith("--from=", StringComparison.Ordinal))
                ?["--from=".Length..];
            var paths = words.Where(w => !w.StartsWith("--", StringComparison.Ordinal)).ToList();

            return new DockerCopy(from, paths[..^1], paths[^1]);
        })];

    /// <summary>The shell commands of every RUN, split on &amp;&amp;, each as its words.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Commands() =>
        [.. All("RUN").SelectMany(i => i.Arguments.Split("&&", StringSplitOptions.TrimEntries))
            .Select(command => Dockerfile.Words(command))];
}

internal sealed record DockerInstruction(string Keyword, string Arguments);

internal sealed record DockerCopy(string? From, IReadOnlyList<string> Sources, string Destination);

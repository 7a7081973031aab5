using System.Globalization;

namespace Andalan.Functions.Tests.Backend;

/// <summary>This process's descendants, read from /proc, and their proportional memory (PSS).</summary>
internal static class ProcessTree
{
    public sealed record Member(int Pid, int ParentPid, string Name);

    /// <summary>Every live descendant of <paramref name="root"/> (default: this process).</summary>
    public static IReadOnlyList<Member> Descendants(int? root = null)
    {
        var all = new List<Member>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                // The command name is in parentheses and may hold spaces; the fields after it are fixed.
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var close = stat.LastIndexOf(')');
                var name = stat[(stat.IndexOf('(', StringComparison.Ordinal) + 1)..close];
                var fields = stat[(close + 2)..].Split(' ');
                if (fields[0] != "Z")
                {
                    all.Add(new Member(pid, int.Parse(fields[1], CultureInfo.InvariantCulture), name));
                }
            }
            catch (IOException)
            {
                // The process ended while being read.
            }
        }

        var found = new List<Member>();
        var parents = new HashSet<int> { root ?? Environment.ProcessId };
        bool added;
        do
        {
            var next = all.Where(m => parents.Contains(m.ParentPid) && !found.Contains(m)).ToList();
            found.AddRange(next);
            parents.UnionWith(next.Select(m => m.Pid));
            added = next.Count > 0;
        }
        while (added);

        return found;
    }

    /// <summary>
    /// The browser side of the tree: Playwright's node driver (told apart from other node processes, such as
    /// Azurite, by its command line) and Chromium's processes.
    /// </summary>
    public static IReadOnlyList<Member> BrowserProcesses(int? root = null) =>
        [.. Descendants(root).Where(m => IsChromium(m) || IsPlaywrightDriver(m))];

    public static bool IsChromium(Member member) =>
        member.Name.StartsWith("chrom", StringComparison.OrdinalIgnoreCase);

    // Node names its main thread "MainThread", so the driver is known by its command line (cli.js run-driver), not
    // its name; the node binary may be Playwright's own or another (PLAYWRIGHT_NODEJS_PATH).
    public static bool IsPlaywrightDriver(Member member) =>
        CommandLine(member.Pid).Contains(" run-driver", StringComparison.Ordinal);

    /// <summary>The process's command line with spaces between arguments; empty when it is gone.</summary>
    public static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }

    /// <summary>Proportional set size in KiB, from /proc/PID/smaps_rollup; 0 when the process is gone.</summary>
    public static long PssKib(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/smaps_rollup"))
            {
                if (line.StartsWith("Pss:", StringComparison.Ordinal))
                {
                    return long.Parse(line[4..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
            // The process ended while being read.
        }
        catch (UnauthorizedAccessException)
        {
            // Not ours to read.
        }

        return 0;
    }
}

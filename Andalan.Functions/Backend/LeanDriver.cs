namespace Andalan.Functions.Backend;

/// <summary>
/// Runs Playwright's node driver with V8 flags that NODE_OPTIONS does not accept: a small young generation and
/// heap, the interpreter only (<c>--lite-mode</c>) and size before speed. The driver relays messages between this
/// process and Chromium, so it needs neither. Playwright starts node from PLAYWRIGHT_NODEJS_PATH when it is set;
/// this writes a launcher script there that starts Playwright's own node with the flags.
/// </summary>
public static class LeanDriver
{
    public const string NodePathVariable = "PLAYWRIGHT_NODEJS_PATH";

    /// <summary>The V8 flags the driver runs with.</summary>
    public static readonly IReadOnlyList<string> NodeFlags =
    [
        "--lite-mode", "--optimize-for-size", "--max-semi-space-size=1", "--max-old-space-size=96",
    ];

    private static readonly Lock Gate = new();
    private static string? _launcher;

    /// <summary>
    /// The launcher's path, written once per process into a folder of its own under the temporary folder (only this
    /// user can write there) and removed when the process exits; null where there is no driver to wrap (not Linux,
    /// or Playwright's node is not next to the app), so Playwright starts its node as usual.
    /// </summary>
    public static string? Launcher()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        // Where Playwright looks for its driver: PLAYWRIGHT_DRIVER_SEARCH_PATH when set, else next to the app.
        var root = Environment.GetEnvironmentVariable("PLAYWRIGHT_DRIVER_SEARCH_PATH") is { Length: > 0 } searchPath
            ? searchPath
            : AppContext.BaseDirectory;
        var node = Path.Combine(root, ".playwright", "node", "linux-x64", "node");
        if (!File.Exists(node))
        {
            return null;
        }

        lock (Gate)
        {
            if (_launcher is not null && File.Exists(_launcher))
            {
                return _launcher;
            }

            var folder = Directory.CreateTempSubdirectory("andalan-driver-");
            var path = Path.Combine(folder.FullName, "node");
            File.WriteAllText(path, $"#!/bin/sh\nexec '{node.Replace("'", "'\\''", StringComparison.Ordinal)}' " +
                $"{string.Join(' ', NodeFlags)} \"$@\"\n");
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                if (Directory.Exists(folder.FullName))
                {
                    folder.Delete(recursive: true);
                }
            };
            _launcher = path;

            return path;
        }
    }
}

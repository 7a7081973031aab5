using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Andalan.Functions.Tests.Fixtures;

namespace Andalan.Functions.Tests.Reliability;

/// <summary>
/// The function app's executable run as a child process (<c>dotnet Andalan.Functions.dll VERB ...</c>) with its
/// settings in its environment only, so it can be killed like a worker that dies.
/// </summary>
public sealed class AppProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();

    private AppProcess(Process process)
    {
        _process = process;
    }

    public int Id => _process.Id;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public string Error
    {
        get
        {
            lock (_error)
            {
                return _error.ToString();
            }
        }
    }

    /// <summary>Writes settings in the shape of local.settings.json, readable by this user only.</summary>
    public static string WriteSettingsFile(string folder, IReadOnlyDictionary<string, string> values)
    {
        var file = Path.Combine(folder, $"settings-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, JsonSerializer.Serialize(new { IsEncrypted = false, Values = values }));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return file;
    }

    /// <summary>Starts a verb; <paramref name="environment"/> is the app's whole configuration.</summary>
    public static AppProcess Start(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(RepositoryPaths.AppOutputFile("Andalan.Functions.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Nothing of the test process's own Azure or Andalan settings may reach the child.
        foreach (var name in start.Environment.Keys.Where(IsAppSetting).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start };
        var app = new AppProcess(process);
        process.OutputDataReceived += (_, e) => Append(app._output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(app._error, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        return app;
    }

    /// <summary>Waits for the exit code; kills the process tree and fails the test when it takes too long.</summary>
    public async Task<int> WaitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            Assert.Fail($"The app did not finish within {timeout}. stderr:\n{Error}");
        }

        _process.WaitForExit();

        return _process.ExitCode;
    }

    /// <summary>Kills the app and everything it started (Playwright's driver, Chromium), as a dying worker.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private static bool IsAppSetting(string name) =>
        name.StartsWith("Andalan__", StringComparison.Ordinal) || name.StartsWith("IDENTITY_", StringComparison.Ordinal)
        || name.StartsWith("AZURE_", StringComparison.Ordinal)
        || name.StartsWith("AzureWebJobs", StringComparison.Ordinal)
        || name.StartsWith("MSI_", StringComparison.Ordinal);

    private static void Append(StringBuilder target, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (target)
        {
            target.AppendLine(line);
        }
    }
}

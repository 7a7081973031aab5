using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Andalan.Functions.Tests.Fixtures;

/// <summary>
/// A real Azurite on free ports, in memory, in a temporary folder, for the tests of a class. Found at
/// $ANDALAN_AZURITE, else &lt;repo&gt;/.tools/node_modules/.bin/azurite (the repo is the folder holding
/// Andalan.Functions.sln), else on PATH. Killed with its children on dispose.
/// </summary>
public sealed partial class AzuriteFixture : IAsyncLifetime, IDisposable
{
    /// <summary>Azurite's fixed development account; it is public and the same on every machine.</summary>
    private const string AccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly ConcurrentQueue<string> _output = new();
    private Process? _process;
    private string? _workDirectory;

    /// <summary>The connection string for this Azurite, in the shape of AzureWebJobsStorage.</summary>
    public string ConnectionString { get; private set; } = string.Empty;

    public Uri BlobEndpoint { get; private set; } = new("http://127.0.0.1/");

    public Uri TableEndpoint { get; private set; } = new("http://127.0.0.1/");

    public async Task InitializeAsync()
    {
        var executable = FindAzurite();
        _workDirectory = Directory.CreateTempSubdirectory("andalan-azurite-").FullName;
        var endpoints = await StartAsync(executable, inMemory: true)
            ?? await StartAsync(executable, inMemory: false)
            ?? throw new InvalidOperationException(
                $"Azurite ({executable}) did not start within {StartTimeout.TotalSeconds} s. Its output:" +
                Environment.NewLine + string.Join(Environment.NewLine, _output));

        BlobEndpoint = new Uri(endpoints["Blob"], "devstoreaccount1");
        TableEndpoint = new Uri(endpoints["Table"], "devstoreaccount1");
        ConnectionString =
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};" +
            $"BlobEndpoint={BlobEndpoint};QueueEndpoint={new Uri(endpoints["Queue"], "devstoreaccount1")};" +
            $"TableEndpoint={TableEndpoint};";
    }

    public async Task DisposeAsync()
    {
        await StopAsync();
        if (_workDirectory is not null && Directory.Exists(_workDirectory))
        {
            Directory.Delete(_workDirectory, recursive: true);
        }
    }

    public void Dispose() => _process?.Dispose();

    /// <summary>Starts Azurite; null when it exited before it was ready (an option it does not know).</summary>
    private async Task<Dictionary<string, Uri>?> StartAsync(string executable, bool inMemory)
    {
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = _workDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["--blobPort", "0", "--queuePort", "0", "--tablePort", "0",
                     "--skipApiVersionCheck", "--silent"])
        {
            start.ArgumentList.Add(argument);
        }

        if (inMemory)
        {
            start.ArgumentList.Add("--inMemoryPersistence");
            start.ArgumentList.Add("--extentMemoryLimit");
            start.ArgumentList.Add("512");
        }
        else
        {
            start.ArgumentList.Add("--location");
            start.ArgumentList.Add(_workDirectory!);
        }

        var endpoints = new ConcurrentDictionary<string, Uri>(StringComparer.Ordinal);
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _process = new Process { StartInfo = start, EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => Collect(e.Data, endpoints, ready);
        _process.ErrorDataReceived += (_, e) => Collect(e.Data, endpoints, ready);
        _process.Exited += (_, _) => ready.TrySetResult();
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        try
        {
            await ready.Task.WaitAsync(StartTimeout);
        }
        catch (TimeoutException)
        {
            // Reported by the caller, with Azurite's output.
        }

        if (endpoints.Count < 3)
        {
            await StopAsync();

            return null;
        }

        foreach (var endpoint in endpoints.Values)
        {
            await WaitUntilAnswersAsync(endpoint);
        }

        return new Dictionary<string, Uri>(endpoints);
    }

    private void Collect(string? line, ConcurrentDictionary<string, Uri> endpoints, TaskCompletionSource ready)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        var match = ListeningLine().Match(line);
        if (match.Success)
        {
            endpoints[match.Groups["service"].Value] = new Uri(match.Groups["url"].Value + "/");
            if (endpoints.Count == 3)
            {
                ready.TrySetResult();
            }
        }
    }

    private static async Task WaitUntilAnswersAsync(Uri endpoint)
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(endpoint.Host, endpoint.Port);

                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    private async Task StopAsync()
    {
        if (_process is null)
        {
            return;
        }

        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        finally
        {
            _process.Dispose();
            _process = null;
        }
    }

    private static string FindAzurite()
    {
        if (Environment.GetEnvironmentVariable("ANDALAN_AZURITE") is { Length: > 0 } configured)
        {
            return File.Exists(configured)
                ? configured
                : throw new InvalidOperationException($"ANDALAN_AZURITE names {configured}, which does not exist.");
        }

        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Andalan.Functions.sln")))
            {
                var local = Path.Combine(folder.FullName, ".tools", "node_modules", ".bin", "azurite");
                if (File.Exists(local))
                {
                    return local;
                }

                break;
            }
        }

        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "azurite"))
            .FirstOrDefault(File.Exists);

        return onPath ?? throw new InvalidOperationException(
            "Azurite was not found: set ANDALAN_AZURITE, or run `npm install --prefix .tools azurite` in the repository.");
    }

    [GeneratedRegex(@"Azurite (?<service>Blob|Queue|Table) service is successfully listening at (?<url>http://\S+)")]
    private static partial Regex ListeningLine();
}

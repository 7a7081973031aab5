using System.Text;
using System.Text.Json;
using Andalan.Functions.Backend;
using Andalan.Functions.Tests.Backend;
using Andalan.Functions.Workflow;
using Andalan.Sandbox.Faults;
using Andalan.Sandbox.Hosting;
using Andalan.Sandbox.Sheets;
using Andalan.Sandbox.Telegram;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Andalan.Functions.Tests.Reliability;

/// <summary>
/// Every secret starts with a marker made at run time (the sandbox generates the rest); successful and failed
/// runs, in process and as the run verb reading Key Vault, then every place their traces end up is searched for
/// every secret the sandbox made or handed out: log lines at every level, Telegram messages, archived files and
/// their metadata (failure evidence included), the run history, the orchestration's input, output and status,
/// the run verb's output and summary file, and the browser's profile on disk (where a session cookie would be).
/// </summary>
[Collection(ReliabilityGroup.Name)]
public sealed class SecretCanaryTests(ReliabilityFixture pipeline, ITestOutputHelper output)
{
    private readonly List<(string Where, string Text)> _seen = [];

    [Fact]
    public async Task Runs_SucceedingAndFailing_LeaveNoSecretAnywhere()
    {
        pipeline.Reset();
        await RunAsync();
        // The run closed its browser once its downloads were done, and the profile went with it; a session that
        // is logged in now has one on disk, with the panel's cookie in it.
        await pipeline.Services.GetRequiredService<BackendSession>().EnsureLoggedInAsync(CancellationToken.None);
        ReadBrowserProfile();

        pipeline.Sandbox.Faults.Panel.Exports["users"] = ExportFault.ServerError;
        pipeline.Sandbox.Faults.Panel.Exports["transactions"] = ExportFault.Corrupt;
        pipeline.Sandbox.Faults.FailNext(SandboxService.Telegram, 3, 500);
        pipeline.Sandbox.TokenIssuer().ExpireAll();
        await RunAsync("users", "transactions", "point_transactions");

        pipeline.Reset();
        await pipeline.RestartAppAsync();
        pipeline.Sandbox.Faults.Panel.RefuseLogins = true;
        await RunAsync("users");

        pipeline.Reset();
        await pipeline.RestartAppAsync();
        await RunVerbWithKeyVaultAsync();

        await ReadArchiveAsync();
        await ReadHistoryAsync();
        _seen.AddRange(pipeline.Logs.Lines.Select(l => ("log", l)));
        _seen.AddRange(pipeline.Sandbox.Chat().Messages
            .SelectMany(m => new[] { ("telegram", m.Text), ("telegram html", m.Html ?? string.Empty) }));
        ReadFolder("evidence folder", pipeline.EvidenceDirectory);

        var secrets = pipeline.Sandbox.All().Append((Kind: "marker", Value: pipeline.SecretMarker)).ToList();
        var hits = (from place in _seen
                    from secret in secrets
                    where place.Text.Contains(secret.Value, StringComparison.Ordinal)
                    select $"{secret.Kind} in {place.Where}: …{Around(place.Text, secret.Value)}…")
            .Distinct().ToList();

        // The search itself works: the bot token is on the wire to Telegram, where it belongs.
        var wire = string.Join("\n", pipeline.Sandbox.Calls.Calls(SandboxService.Telegram).Select(c => c.Path));
        Assert.Contains(pipeline.Sandbox.Credentials.BotToken, wire, StringComparison.Ordinal);
        var characters = _seen.Sum(p => p.Text.Length);
        output.WriteLine($"searched {_seen.Count} places ({characters:N0} characters) for {secrets.Count} secrets");
        var sessions = secrets.Count(s => s.Kind.Contains("session", StringComparison.Ordinal));
        Assert.True(sessions >= 2, "No panel session was made.");
        Assert.Contains(secrets, s => s.Kind == "Sheets access token");
        Assert.Contains(secrets, s => s.Kind == "Key Vault access token");
        Assert.Contains(_seen, p => p.Where.StartsWith("archive", StringComparison.Ordinal)
            && p.Where.EndsWith(".html", StringComparison.Ordinal));
        Assert.Empty(hits);
    }

    private async Task RunAsync(params string[] exports)
    {
        var summary = await pipeline.RunAsync(exports.Length == 0 ? null : exports);
        output.WriteLine($"{summary.RunId}: {summary.Succeeded} of {summary.Exports.Count}; " +
            string.Join("; ", summary.Exports.Where(e => !e.Succeeded).Select(e => $"{e.Export}: {e.Error}")));
        _seen.Add(("run summary", JsonSerializer.Serialize(summary)));
        var instance = await pipeline.Client.GetInstanceAsync(RunCoordinator.InstanceId, getInputsAndOutputs: true);
        _seen.Add(("orchestration", $"{instance?.SerializedInput} {instance?.SerializedOutput} " +
            $"{instance?.SerializedCustomStatus} {instance?.FailureDetails}"));
    }

    private async Task RunVerbWithKeyVaultAsync()
    {
        var summaryFile = Path.Combine(pipeline.EvidenceDirectory, "canary-summary.json");
        pipeline.Sandbox.Faults.For(SandboxService.Telegram).Unreachable = true;
        pipeline.Sandbox.Faults.Panel.Exports["point_transactions"] = ExportFault.ServerError;
        try
        {
            using var app = AppProcess.Start(
                pipeline.ChildEnvironment(withVault: true),
                "run", "--export", "users", "--export", "point_transactions", "--summary", summaryFile);
            var exit = await app.WaitAsync(TimeSpan.FromMinutes(4));

            Assert.Equal(1, exit);
            _seen.Add(("run verb stdout", app.Output));
            _seen.Add(("run verb stderr", app.Error));
        }
        finally
        {
            pipeline.Reset();
        }
    }

    private void ReadBrowserProfile()
    {
        var profiles = ProcessTree.Descendants().Where(ProcessTree.IsChromium)
            .SelectMany(p => ProcessTree.CommandLine(p.Pid).Split(' '))
            .Where(a => a.StartsWith("--user-data-dir=", StringComparison.Ordinal))
            .Select(a => a["--user-data-dir=".Length..]).Distinct().ToList();
        Assert.NotEmpty(profiles);
        foreach (var profile in profiles)
        {
            ReadFolder("browser profile", profile);
        }
    }

    private void ReadFolder(string where, string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            try
            {
                if (new FileInfo(file).Length < 20 * 1024 * 1024)
                {
                    _seen.Add(($"{where} {file}", Latin1(File.ReadAllBytes(file))));
                }
            }
            catch (IOException)
            {
                // A browser file locked or gone while being read.
            }
        }
    }

    private async Task ReadArchiveAsync()
    {
        var service = new BlobServiceClient(pipeline.Azurite.ConnectionString);
        await foreach (var container in service.GetBlobContainersAsync())
        {
            var blobs = service.GetBlobContainerClient(container.Name);
            var options = new GetBlobsOptions { Traits = BlobTraits.Metadata };
            await foreach (var blob in blobs.GetBlobsAsync(options))
            {
                var content = await blobs.GetBlobClient(blob.Name).DownloadContentAsync();
                _seen.Add(($"archive {blob.Name}", Latin1(content.Value.Content.ToArray())));
                var metadata = string.Join(" ", blob.Metadata.Select(m => $"{m.Key}={m.Value}"));
                _seen.Add(($"archive metadata {blob.Name}", metadata));
            }
        }
    }

    private async Task ReadHistoryAsync()
    {
        var service = new TableServiceClient(pipeline.Azurite.ConnectionString);
        await foreach (var table in service.QueryAsync())
        {
            await foreach (var entity in service.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                _seen.Add(($"table {table.Name}", string.Join(" ", entity.Select(p => $"{p.Key}={p.Value}"))));
            }
        }
    }

    private static string Latin1(byte[] bytes) => Encoding.Latin1.GetString(bytes);

    private static string Around(string text, string secret)
    {
        var at = text.IndexOf(secret, StringComparison.Ordinal);
        var from = Math.Max(0, at - 60);

        return text[from..Math.Min(text.Length, at + 10)];
    }
}

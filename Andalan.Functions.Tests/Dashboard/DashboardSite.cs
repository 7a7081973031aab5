using System.Net;
using Andalan.Functions.Dashboard;
using Andalan.Functions.Storage;
using Andalan.Functions.Tests.Backend;
using Andalan.Functions.Tests.Fixtures;
using Andalan.Functions.Workflow;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Andalan.Functions.Tests.Dashboard;

/// <summary>
/// The dashboard over real HTTP for a browser: the sample history in a real Azurite table, its evidence in the
/// real archive, and a Durable task hub in process whose run orchestration waits until told to finish, so a
/// second start meets a run that is going. The Functions host cannot run here, so a small Kestrel app maps the
/// dashboard's three routes to the same <see cref="RunDashboard"/>, <see cref="DashboardLinks"/> and
/// <see cref="DashboardFileHeaders"/> code the functions call, and checks the function key as the host would.
/// </summary>
public sealed class DashboardSite : IAsyncLifetime, IDisposable
{
    public const string FunctionKey = "test-function-key/+=";

    public const string FinishEvent = "finish";

    /// <summary>A 1×1 PNG, the smallest real screenshot.</summary>
    public static readonly byte[] Screenshot = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private readonly AzuriteFixture _azurite = new();
    private DurableTaskTestHost? _tasks;
    private WebApplication? _web;
    private RunHistory? _history;
    private ExportArchive? _archive;

    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    public Uri PageUrl => new(BaseUrl, "/api/dashboard?code=" + Uri.EscapeDataString(FunctionKey));

    public DurableTaskClient Client => _tasks!.Client;

    public async Task InitializeAsync()
    {
        await _azurite.InitializeAsync();
        var storage = Options.Create(new StorageOptions
        {
            HistoryTable = $"Runs{Guid.NewGuid():N}",
            ArchiveContainer = $"dashboard-{Guid.NewGuid():N}",
        });
        var time = new FakeTimeProvider(SampleHistory.Now);
        _history = new RunHistory(new TableServiceClient(_azurite.ConnectionString), storage, NullLogger<RunHistory>.Instance);
        _archive = new ExportArchive(
            new BlobServiceClient(_azurite.ConnectionString), storage, time, NullLogger<ExportArchive>.Instance);
        foreach (var run in SampleHistory.Runs())
        {
            await _history.SaveAsync(run);
        }

        await StoreEvidenceAsync(_archive);

        _tasks = await DurableTaskTestHost.StartAsync(tasks => tasks.AddOrchestratorFunc<RunRequest, bool>(
            ExportRunOrchestration.Name, async (context, _) => await context.WaitForExternalEvent<bool>(FinishEvent)));
        var coordinator = new RunCoordinator(
            BackendTestSupport.Exports, Options.Create(new RunOptions()), new RunSchedule("0 0 8,18 * * *", "Asia/Jakarta"),
            time, NullLogger<RunCoordinator>.Instance);
        var dashboard = new RunDashboard(_history, _archive, coordinator, time);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _web = builder.Build();
        Map(_web, dashboard, Client);
        await _web.StartAsync();
        var address = _web.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUrl = new Uri(address);
    }

    /// <summary>Lets the run going now finish, so the next start is not refused.</summary>
    public async Task FinishRunAsync()
    {
        var instance = await Client.GetInstanceAsync(RunCoordinator.InstanceId);
        if (instance is { RuntimeStatus: OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending })
        {
            await Client.RaiseEventAsync(RunCoordinator.InstanceId, FinishEvent, true);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await Client.WaitForInstanceCompletionAsync(RunCoordinator.InstanceId, timeout.Token);
        }
    }

    public async Task DisposeAsync()
    {
        if (_web is not null)
        {
            await _web.StopAsync();
            await _web.DisposeAsync();
        }

        if (_tasks is not null)
        {
            await _tasks.DisposeAsync();
        }

        _history?.Dispose();
        _archive?.Dispose();
        await _azurite.DisposeAsync();
    }

    public void Dispose() => _azurite.Dispose();

    private static async Task StoreEvidenceAsync(ExportArchive archive)
    {
        foreach (var blobName in SampleHistory.Evidence)
        {
            var parts = blobName.Split('/');
            var png = blobName.EndsWith(".png", StringComparison.Ordinal);
            using var content = new MemoryStream(png
                ? Screenshot
                : "<html><body><h1>Login</h1><p>Password salah</p><script>document.title='ran'</script></body></html>"u8
                    .ToArray());
            await archive.StoreAsync(parts[0], parts[1], parts[2], content, png ? "image/png" : "text/html",
                ArchivedFileKind.Evidence);
        }
    }

    private static void Map(WebApplication web, RunDashboard dashboard, DurableTaskClient client)
    {
        // As the Functions host does for AuthorizationLevel.Function: no key, no answer.
        web.Use(async (context, next) =>
        {
            if (context.Request.Query["code"] != FunctionKey)
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;

                return;
            }

            await next(context);
        });

        web.MapGet("/api/dashboard", async (HttpContext context) =>
        {
            var notice = RunDashboard.NoticeForStarted(context.Request.Query["started"]);
            await WritePageAsync(context, dashboard, client, StatusCodes.Status200OK, notice);
        });

        web.MapPost("/api/dashboard/runs", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var dryRun = RunDashboard.IsDryRun(await reader.ReadToEndAsync());
            var (start, notice) = await dashboard.StartRunAsync(client, dryRun, CancellationToken.None);
            if (start.Status != RunStartStatus.Started)
            {
                await WritePageAsync(context, dashboard, client, StatusCodes.Status409Conflict, notice);

                return;
            }

            context.Response.StatusCode = StatusCodes.Status303SeeOther;
            context.Response.Headers.Location = Links(context).AfterStart(start.RunId!);
        });

        web.MapGet("/api/dashboard/files/{runId}/{export}/{fileName}", async (
            HttpContext context, string runId, string export, string fileName) =>
        {
            var file = await dashboard.FindFileAsync(runId, export, fileName, CancellationToken.None);
            if (file is null)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;

                return;
            }

            foreach (var (name, value) in DashboardFileHeaders.For(file))
            {
                context.Response.Headers[name] = value;
            }

            await using var content = await dashboard.OpenFileAsync(file, CancellationToken.None);
            await content.CopyToAsync(context.Response.Body);
        });
    }

    private static async Task WritePageAsync(
        HttpContext context, RunDashboard dashboard, DurableTaskClient client, int status, DashboardNotice? notice)
    {
        var links = Links(context);
        var html = await dashboard.RenderAsync(client, notice, links.StartAction, links.File, CancellationToken.None);
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.ContentSecurityPolicy = DashboardPage.ContentSecurityPolicy;
        await context.Response.WriteAsync(html);
    }

    private static DashboardLinks Links(HttpContext context) => DashboardLinks.From(new Uri(context.Request.GetEncodedUrl()));
}

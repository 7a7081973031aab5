using System.Net;
using System.Web;
using Andalan.Functions.Dashboard;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.DurableTask.Client;

namespace Andalan.Functions.Triggers;

/// <summary>
/// The operators' run dashboard, behind a function key like the other endpoints:
/// <c>GET /api/dashboard</c> (the page), <c>POST /api/dashboard/runs</c> (its start button: 303 back to the
/// page when a run started, 409 with the page and the reason when one is going) and
/// <c>GET /api/dashboard/files/{runId}/{export}/{fileName}</c> (an archived file or failure evidence). The
/// page was loaded with the key in <c>code</c>; its form and links carry that same key (see
/// <see cref="DashboardLinks"/>).
/// </summary>
public sealed class DashboardEndpoint(RunDashboard dashboard)
{
    [Function("Dashboard")]
    public async Task<HttpResponseData> GetAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "dashboard")] HttpRequestData request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = HttpUtility.ParseQueryString(request.Url.Query);
        var notice = RunDashboard.NoticeForStarted(query["started"]);

        return await PageAsync(request, client, HttpStatusCode.OK, notice, cancellationToken);
    }

    [Function("DashboardStartRun")]
    public async Task<HttpResponseData> StartAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "dashboard/runs")] HttpRequestData request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var reader = new StreamReader(request.Body);
        var dryRun = RunDashboard.IsDryRun(await reader.ReadToEndAsync(cancellationToken));

        var (start, notice) = await dashboard.StartRunAsync(client, dryRun, cancellationToken);
        if (start.Status != Workflow.RunStartStatus.Started)
        {
            return await PageAsync(request, client, HttpStatusCode.Conflict, notice, cancellationToken);
        }

        // Post/redirect/get: reloading the page afterwards must not start another run.
        var response = request.CreateResponse(HttpStatusCode.SeeOther);
        response.Headers.Add("Location", DashboardLinks.From(request.Url).AfterStart(start.RunId!));

        return response;
    }

    [Function("DashboardFile")]
    public async Task<HttpResponseData> GetFileAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "dashboard/files/{runId}/{export}/{fileName}")]
        HttpRequestData request,
        string runId,
        string export,
        string fileName,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var file = await dashboard.FindFileAsync(runId, export, fileName, cancellationToken);
        if (file is null)
        {
            var missing = request.CreateResponse(HttpStatusCode.NotFound);
            missing.Headers.Add("Content-Type", "text/plain; charset=utf-8");
            await missing.WriteStringAsync(
                $"{runId}/{export}/{fileName} is not in the archive (removed by retention, or never stored).",
                cancellationToken);

            return missing;
        }

        var response = request.CreateResponse(HttpStatusCode.OK);
        foreach (var (name, value) in DashboardFileHeaders.For(file))
        {
            response.Headers.Add(name, value);
        }

        await using var content = await dashboard.OpenFileAsync(file, cancellationToken);
        await content.CopyToAsync(response.Body, cancellationToken);

        return response;
    }

    private async Task<HttpResponseData> PageAsync(
        HttpRequestData request, DurableTaskClient client, HttpStatusCode status, DashboardNotice? notice,
        CancellationToken cancellationToken)
    {
        var links = DashboardLinks.From(request.Url);
        var html = await dashboard.RenderAsync(client, notice, links.StartAction, links.File, cancellationToken);

        var response = request.CreateResponse(status);
        response.Headers.Add("Content-Type", "text/html; charset=utf-8");
        response.Headers.Add("Content-Security-Policy", DashboardPage.ContentSecurityPolicy + "; frame-ancestors 'none'");
        response.Headers.Add("X-Content-Type-Options", "nosniff");
        response.Headers.Add("Referrer-Policy", "no-referrer");
        response.Headers.Add("Cache-Control", "no-store");
        await response.WriteStringAsync(html, cancellationToken);

        return response;
    }
}

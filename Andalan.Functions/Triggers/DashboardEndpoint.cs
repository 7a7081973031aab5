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
/// page was loaded with the key in <c>code</c>; its form and links carry that same key, because a plain HTML
/// form cannot send the <c>x-functions-key</c> header.
/// </summary>
public sealed class DashboardEndpoint(RunDashboard dashboard)
{
    private const string FilesSegment = "/files/";

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
        var form = HttpUtility.ParseQueryString(await reader.ReadToEndAsync(cancellationToken));
        var dryRun = string.Equals(form["dryRun"], "true", StringComparison.OrdinalIgnoreCase);

        var (start, notice) = await dashboard.StartRunAsync(client, dryRun, cancellationToken);
        if (start.Status != Workflow.RunStartStatus.Started)
        {
            return await PageAsync(request, client, HttpStatusCode.Conflict, notice, cancellationToken);
        }

        // Post/redirect/get: reloading the page afterwards must not start another run.
        var response = request.CreateResponse(HttpStatusCode.SeeOther);
        response.Headers.Add("Location", PagePath(request) + Query(request, ("started", start.RunId!)));

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
        var page = PagePath(request);
        var code = Query(request);
        var html = await dashboard.RenderAsync(
            client, notice, page + "/runs" + code,
            blobName => page + FilesSegment + string.Join('/', blobName.Split('/').Select(Uri.EscapeDataString)) + code,
            cancellationToken);

        var response = request.CreateResponse(status);
        response.Headers.Add("Content-Type", "text/html; charset=utf-8");
        response.Headers.Add("Content-Security-Policy", DashboardPage.ContentSecurityPolicy + "; frame-ancestors 'none'");
        response.Headers.Add("X-Content-Type-Options", "nosniff");
        response.Headers.Add("Referrer-Policy", "no-referrer");
        response.Headers.Add("Cache-Control", "no-store");
        await response.WriteStringAsync(html, cancellationToken);

        return response;
    }

    /// <summary>The dashboard page's own path (whatever the host's route prefix), without a trailing slash.</summary>
    private static string PagePath(HttpRequestData request)
    {
        var path = request.Url.AbsolutePath.TrimEnd('/');

        return path.EndsWith("/runs", StringComparison.Ordinal) ? path[..^"/runs".Length] : path;
    }

    /// <summary>The query to carry on: the function key the page was called with, and any extra pairs.</summary>
    private static string Query(HttpRequestData request, params (string Name, string Value)[] extra)
    {
        var pairs = new List<string>();
        if (HttpUtility.ParseQueryString(request.Url.Query)["code"] is { Length: > 0 } code)
        {
            pairs.Add("code=" + Uri.EscapeDataString(code));
        }

        pairs.AddRange(extra.Select(p => p.Name + "=" + Uri.EscapeDataString(p.Value)));

        return pairs.Count == 0 ? string.Empty : "?" + string.Join('&', pairs);
    }
}

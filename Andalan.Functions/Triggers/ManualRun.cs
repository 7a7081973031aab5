using System.Net;
using System.Text.Json;
using Andalan.Functions.Exports;
using Andalan.Functions.Workflow;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.DurableTask.Client;

namespace Andalan.Functions.Triggers;

/// <summary>
/// <c>POST /api/runs</c> with a function key: starts a run now. 202 with where to follow it, 409 when a run
/// is already going, 400 for a body that names an unknown export.
/// </summary>
public sealed class ManualRun(RunCoordinator coordinator)
{
    [Function(nameof(ManualRun))]
    public async Task<HttpResponseData> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "runs")] HttpRequestData request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ManualRunRequest body;
        RunRequest run;
        try
        {
            body = await ReadBodyAsync(request, cancellationToken);
            run = coordinator.CreateRequest("manual", body.Exports, body.DryRun);
        }
        catch (Exception e) when (e is JsonException or UnknownExportException)
        {
            return await HttpJson.WriteAsync(request, HttpStatusCode.BadRequest, new { error = e.Message }, cancellationToken);
        }

        var start = await coordinator.StartAsync(client, run, cancellationToken);
        var status = start.Status == RunStartStatus.Started ? HttpStatusCode.Accepted : HttpStatusCode.Conflict;
        var statusUrl = start.RunId is null ? null : new Uri(request.Url, $"/api/runs/{start.RunId}");
        var response = await HttpJson.WriteAsync(request, status, new
        {
            runId = start.RunId,
            status = start.Status.ToString(),
            message = start.Message,
            statusUrl,
        }, cancellationToken);
        if (statusUrl is not null && status == HttpStatusCode.Accepted)
        {
            response.Headers.Add("Location", statusUrl.ToString());
        }

        return response;
    }

    private static async Task<ManualRunRequest> ReadBodyAsync(HttpRequestData request, CancellationToken cancellationToken)
    {
        if (request.Body.CanSeek && request.Body.Length == 0)
        {
            return new ManualRunRequest();
        }

        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(cancellationToken);

        return string.IsNullOrWhiteSpace(text)
            ? new ManualRunRequest()
            : JsonSerializer.Deserialize<ManualRunRequest>(text, HttpJson.Options) ?? new ManualRunRequest();
    }
}

using System.Net;
using Andalan.Functions.Storage;
using Andalan.Functions.Workflow;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.DurableTask.Client;

namespace Andalan.Functions.Triggers;

/// <summary>
/// <c>GET /api/runs</c>: the run going now and the recent history; <c>GET /api/runs/{runId}</c>: one run.
/// Both need a function key. The history table is the record; a running run adds its live progress.
/// </summary>
public sealed class RunStatusEndpoint(RunHistory history)
{
    /// <summary>How many past runs the list shows.</summary>
    public const int RecentRuns = 30;

    [Function("RunStatus")]
    public async Task<HttpResponseData> GetAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "runs/{runId?}")] HttpRequestData request,
        string? runId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        var current = await RunCoordinator.GetCurrentAsync(client, cancellationToken);
        if (string.IsNullOrEmpty(runId))
        {
            var recent = await history.GetRecentAsync(RecentRuns, cancellationToken);

            return await HttpJson.WriteAsync(request, HttpStatusCode.OK, new { current, recent }, cancellationToken);
        }

        var run = await history.GetAsync(runId, cancellationToken);
        if (run is null)
        {
            return await HttpJson.WriteAsync(
                request, HttpStatusCode.NotFound, new { error = $"There is no run {runId} in the history." }, cancellationToken);
        }

        var progress = current?.RunId == runId ? current : null;

        return await HttpJson.WriteAsync(request, HttpStatusCode.OK, new { run, progress }, cancellationToken);
    }
}

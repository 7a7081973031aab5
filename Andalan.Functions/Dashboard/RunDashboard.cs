using System.Text.RegularExpressions;
using System.Web;
using Andalan.Functions.Storage;
using Andalan.Functions.Workflow;
using Microsoft.DurableTask.Client;

namespace Andalan.Functions.Dashboard;

/// <summary>
/// What the dashboard's HTTP functions do, apart from HTTP: read the history into a page, start a run with the
/// same no-overlap rule as <c>POST /api/runs</c>, and find an archived file a page links to.
/// </summary>
public sealed partial class RunDashboard(
    RunHistory history, ExportArchive archive, RunCoordinator coordinator, TimeProvider time)
{
    /// <summary>
    /// How many runs are read for one page: the table's 30 and enough for 30 days of charts at two scheduled
    /// runs a day plus manual ones.
    /// </summary>
    public const int HistoryRuns = 200;

    /// <summary>Reads the history (and the run going now, given a client) and renders the page.</summary>
    public async Task<string> RenderAsync(
        DurableTaskClient? client, DashboardNotice? notice, string? startAction, Func<string, string?>? fileLink,
        CancellationToken cancellationToken)
    {
        var runs = await history.GetRecentAsync(HistoryRuns, cancellationToken);
        var current = client is null ? null : await RunCoordinator.GetCurrentAsync(client, cancellationToken);

        return DashboardPage.Render(new DashboardView(
            runs, time.GetUtcNow(), current, notice, startAction, fileLink,
            "Dibaca dari tabel riwayat run. Waktu dalam WIB."));
    }

    /// <summary>
    /// The page as a static file, for a machine without the Functions host (the <c>run</c> and <c>dashboard</c>
    /// verbs): the same history, no start button, archived files named but not linked.
    /// </summary>
    public async Task<string> RenderStaticAsync(CancellationToken cancellationToken)
    {
        var runs = await history.GetRecentAsync(HistoryRuns, cancellationToken);

        return DashboardPage.Render(new DashboardView(
            runs, time.GetUtcNow(), Footer: "Berkas statis, dibuat dari tabel riwayat run oleh baris perintah; " +
            "muat ulang tidak memperbaruinya. Waktu dalam WIB."));
    }

    /// <summary>Starts a manual run of every enabled export; the notice says what happened, in words for a person.</summary>
    public async Task<(RunStart Start, DashboardNotice Notice)> StartRunAsync(
        DurableTaskClient client, bool dryRun, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var request = coordinator.CreateRequest("manual", exports: null, dryRun);
        var start = await coordinator.StartAsync(client, request, cancellationToken);
        var notice = start.Status == RunStartStatus.Started
            ? StartedNotice(start.RunId!)
            : new DashboardNotice(false, start.RunId is { } running
                ? $"Run baru tidak dimulai: run {running} masih berjalan, dan run tidak pernah tumpang tindih. " +
                  "Coba lagi setelah run itu selesai."
                : "Run baru tidak dimulai: run lain baru saja dimulai. Coba lagi setelah run itu selesai.");

        return (start, notice);
    }

    /// <summary>Whether the start form (application/x-www-form-urlencoded) asked for a dry run.</summary>
    public static bool IsDryRun(string formBody) =>
        string.Equals(HttpUtility.ParseQueryString(formBody ?? string.Empty)["dryRun"], "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The notice after a redirect that names the run just started; null for anything that is not a run id.</summary>
    public static DashboardNotice? NoticeForStarted(string? runId) =>
        runId is { Length: > 0 and <= 64 } && RunIdShape().IsMatch(runId) ? StartedNotice(runId) : null;

    /// <summary>An archived file by its blob name, when it is still in the archive.</summary>
    public async Task<ArchivedFile?> FindFileAsync(string runId, string export, string fileName, CancellationToken cancellationToken)
    {
        string blobName;
        try
        {
            blobName = ExportArchive.BlobName(runId, export, fileName);
        }
        catch (ArgumentException)
        {
            return null;
        }

        var files = await archive.ListAsync(runId, cancellationToken);

        return files.FirstOrDefault(f => f.BlobName == blobName);
    }

    public Task<Stream> OpenFileAsync(ArchivedFile file, CancellationToken cancellationToken) =>
        archive.OpenReadAsync(file, cancellationToken);

    private static DashboardNotice StartedNotice(string runId) =>
        new(true, $"Run {runId} dimulai. Muat ulang halaman ini untuk melihat kemajuannya.");

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex RunIdShape();
}

using Andalan.Functions.Exports;

namespace Andalan.Functions.Backend;

/// <summary>Gets one export's file from the panel; the workflow depends on this rather than on the browser.</summary>
public interface IExportDownloader
{
    /// <summary>
    /// Downloads <paramref name="definition"/> into <paramref name="targetDirectory"/> and checks it.
    /// Failures are <see cref="BackendException"/>s; see <see cref="BackendException.IsRetryable"/>.
    /// </summary>
    Task<DownloadedFile> DownloadAsync(
        ExportDefinition definition, string targetDirectory, CancellationToken cancellationToken);

    /// <summary>
    /// Says that a run has no more downloads to make, so the browser can be closed now rather than when it has
    /// been idle long enough. Work still in progress (another run's download) keeps it open.
    /// </summary>
    Task ReleaseAsync();
}

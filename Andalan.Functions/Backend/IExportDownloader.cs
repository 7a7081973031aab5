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
}

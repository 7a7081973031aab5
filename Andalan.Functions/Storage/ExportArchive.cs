using System.Globalization;
using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Andalan.Functions.Storage;

/// <summary>
/// Every downloaded file and every piece of failure evidence, kept in blob storage under
/// <c>{runId}/{export}/{fileName}</c> with its SHA-256, size, media type and export as metadata, so an import
/// can be retried (or replayed later) from the archive without downloading again.
/// </summary>
public sealed class ExportArchive : IDisposable
{
    private const string Sha256Key = "sha256";
    private const string SizeKey = "size";
    private const string ContentTypeKey = "contenttype";
    private const string ExportKey = "export";
    private const string RunIdKey = "runid";
    private const string KindKey = "kind";
    private const string FileNameKey = "filename";

    private readonly BlobContainerClient _container;
    private readonly StorageOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<ExportArchive> _logger;
    private readonly SemaphoreSlim _containerGate = new(1, 1);
    private volatile bool _containerReady;

    public ExportArchive(
        BlobServiceClient blobs, IOptions<StorageOptions> options, TimeProvider time, ILogger<ExportArchive> logger)
    {
        ArgumentNullException.ThrowIfNull(blobs);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options.Value;
        _container = blobs.GetBlobContainerClient(_options.ArchiveContainer);
        _time = time;
        _logger = logger;
    }

    public void Dispose() => _containerGate.Dispose();

    /// <summary>Stores a file from disk, as a download or as evidence.</summary>
    public async Task<ArchivedFile> StoreFileAsync(
        string runId, string export, string path, string contentType,
        ArchivedFileKind kind = ArchivedFileKind.Download, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        await using var content = new FileStream(
            path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920,
            FileOptions.Asynchronous | FileOptions.SequentialScan);

        return await StoreAsync(runId, export, Path.GetFileName(path), content, contentType, kind, cancellationToken);
    }

    /// <summary>
    /// Stores <paramref name="content"/> from its current position to its end. Storing the same name again
    /// in the same run replaces the file.
    /// </summary>
    public async Task<ArchivedFile> StoreAsync(
        string runId, string export, string fileName, Stream content, string contentType,
        ArchivedFileKind kind = ArchivedFileKind.Download, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        var blobName = BlobName(runId, export, fileName);
        if (!content.CanSeek)
        {
            // The hash goes into the metadata written with the upload, so the content is read twice.
            await using var buffered = TemporaryFile();
            await content.CopyToAsync(buffered, cancellationToken);
            buffered.Position = 0;

            return await StoreAsync(runId, export, fileName, buffered, contentType, kind, cancellationToken);
        }

        var start = content.Position;
        var sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(content, cancellationToken));
        var size = content.Position - start;
        content.Position = start;

        await EnsureContainerAsync(cancellationToken);
        var file = new ArchivedFile(
            runId, export, Path.GetFileName(fileName), blobName, sha256, size, contentType, kind, _time.GetUtcNow());
        await _container.GetBlobClient(blobName).UploadAsync(content, new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
            Metadata = Metadata(file),
        }, cancellationToken);
        _logger.FileArchived(export, blobName, size);

        return file;
    }

    /// <summary>Opens an archived file for reading; the stream is seekable and downloads as it is read.</summary>
    public async Task<Stream> OpenReadAsync(ArchivedFile file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        try
        {
            return await _container.GetBlobClient(file.BlobName).OpenReadAsync(
                new BlobOpenReadOptions(allowModifications: false), cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            throw NotFound(file.BlobName, e);
        }
    }

    /// <summary>
    /// Downloads an archived file to <paramref name="path"/> and checks it against its recorded SHA-256;
    /// a mismatch throws <see cref="ArchiveIntegrityException"/> and leaves no file behind.
    /// </summary>
    public async Task DownloadToAsync(ArchivedFile file, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(path);
        await using (var source = await OpenReadAsync(file, cancellationToken))
        await using (var target = File.Create(path))
        {
            await source.CopyToAsync(target, cancellationToken);
        }

        await using var written = File.OpenRead(path);
        var actual = Convert.ToHexStringLower(await SHA256.HashDataAsync(written, cancellationToken));
        if (actual != file.Sha256)
        {
            written.Close();
            File.Delete(path);

            throw new ArchiveIntegrityException(
                $"Archived file {file.BlobName} has SHA-256 {actual}, not the {file.Sha256} recorded when it was stored.");
        }
    }

    /// <summary>A run's files, ordered by name.</summary>
    public async Task<IReadOnlyList<ArchivedFile>> ListAsync(string runId, CancellationToken cancellationToken = default)
    {
        CheckSegment(runId, nameof(runId));
        await EnsureContainerAsync(cancellationToken);
        var files = new List<ArchivedFile>();
        await foreach (var blob in _container.GetBlobsAsync(
            new GetBlobsOptions { Prefix = runId + "/", Traits = BlobTraits.Metadata }, cancellationToken))
        {
            files.Add(Describe(blob));
        }

        return [.. files.OrderBy(f => f.BlobName, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Deletes every run whose newest file is older than <see cref="StorageOptions.RetentionDays"/>. A lifecycle
    /// rule does this in Azure; the workflow calls it so Azurite and rule-less accounts keep the same promise.
    /// </summary>
    public async Task<RetentionCleanup> DeleteExpiredAsync(CancellationToken cancellationToken = default)
    {
        await EnsureContainerAsync(cancellationToken);
        var cutoff = _time.GetUtcNow() - TimeSpan.FromDays(_options.RetentionDays);
        var runs = new Dictionary<string, List<BlobItem>>(StringComparer.Ordinal);
        await foreach (var blob in _container.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            var runId = blob.Name.Split('/', 2)[0];
            if (!runs.TryGetValue(runId, out var blobs))
            {
                blobs = [];
                runs[runId] = blobs;
            }

            blobs.Add(blob);
        }

        var runsDeleted = 0;
        var filesDeleted = 0;
        foreach (var (runId, blobs) in runs)
        {
            var newest = blobs.Max(b => b.Properties.CreatedOn ?? b.Properties.LastModified ?? DateTimeOffset.MaxValue);
            if (newest >= cutoff)
            {
                continue;
            }

            foreach (var blob in blobs)
            {
                await _container.DeleteBlobIfExistsAsync(blob.Name, cancellationToken: cancellationToken);
                filesDeleted++;
            }

            runsDeleted++;
            _logger.RunFilesExpired(runId, blobs.Count, _options.RetentionDays);
        }

        return new RetentionCleanup(runsDeleted, filesDeleted, cutoff);
    }

    internal static string BlobName(string runId, string export, string fileName)
    {
        CheckSegment(runId, nameof(runId));
        CheckSegment(export, nameof(export));
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        CheckSegment(name, nameof(fileName));

        return $"{runId}/{export}/{name}";
    }

    private static void CheckSegment(string value, string parameter)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, parameter);
        if (value.Contains('/', StringComparison.Ordinal) || value.Contains('\\', StringComparison.Ordinal)
            || value is "." or ".." || value.Any(char.IsControl))
        {
            throw new ArgumentException($"'{value}' cannot be one segment of an archive path.", parameter);
        }
    }

    private static Dictionary<string, string> Metadata(ArchivedFile file) => new(StringComparer.Ordinal)
    {
        [Sha256Key] = file.Sha256,
        [SizeKey] = file.Size.ToString(CultureInfo.InvariantCulture),
        [ContentTypeKey] = file.ContentType,
        [ExportKey] = file.Export,
        [RunIdKey] = file.RunId,
        [KindKey] = file.Kind.ToString(),

        // Metadata values are ASCII only; a file name may not be.
        [FileNameKey] = Uri.EscapeDataString(file.FileName),
    };

    private static ArchivedFile Describe(BlobItem blob)
    {
        var metadata = blob.Metadata ?? new Dictionary<string, string>();
        string Value(string key) => metadata.TryGetValue(key, out var value) ? value : string.Empty;
        var segments = blob.Name.Split('/', 3);

        return new ArchivedFile(
            Value(RunIdKey) is { Length: > 0 } runId ? runId : segments[0],
            Value(ExportKey) is { Length: > 0 } export ? export : segments.ElementAtOrDefault(1) ?? string.Empty,
            Value(FileNameKey) is { Length: > 0 } fileName ? Uri.UnescapeDataString(fileName) : segments[^1],
            blob.Name,
            Value(Sha256Key),
            long.TryParse(Value(SizeKey), CultureInfo.InvariantCulture, out var size)
                ? size
                : blob.Properties.ContentLength ?? 0,
            Value(ContentTypeKey) is { Length: > 0 } type
                ? type
                : blob.Properties.ContentType ?? "application/octet-stream",
            Enum.TryParse<ArchivedFileKind>(Value(KindKey), out var kind) ? kind : ArchivedFileKind.Download,
            blob.Properties.CreatedOn ?? DateTimeOffset.MinValue);
    }

    private static ArchivedFileNotFoundException NotFound(string blobName, Exception inner) => new(
        $"Archived file {blobName} is not in the archive (deleted by retention, or never stored).", inner);

    private static FileStream TemporaryFile() => new(
        Path.Combine(Path.GetTempPath(), $"andalan-archive-{Guid.NewGuid():N}.tmp"), FileMode.CreateNew,
        FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);

    private async Task EnsureContainerAsync(CancellationToken cancellationToken)
    {
        if (_containerReady)
        {
            return;
        }

        // Made once per process; a failed attempt is not remembered, so the next call tries again.
        await _containerGate.WaitAsync(cancellationToken);
        try
        {
            if (!_containerReady)
            {
                await _container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
                _containerReady = true;
            }
        }
        finally
        {
            _containerGate.Release();
        }
    }
}

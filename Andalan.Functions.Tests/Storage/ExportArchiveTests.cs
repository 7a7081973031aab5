using System.Globalization;
using System.Security.Cryptography;
using Andalan.Functions.Storage;
using Andalan.Functions.Tests.Fixtures;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Andalan.Functions.Tests.Storage;

public sealed class ExportArchiveTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private readonly BlobServiceClient _blobs = new(azurite.ConnectionString);

    [Fact]
    public async Task StoreAsync_ThenOpenRead_RoundTripsContentAndMetadata()
    {
        using var archive = Archive(out var container);
        var content = RandomNumberGenerator.GetBytes(300_000);
        using var upload = new MemoryStream(content);

        var stored = await archive.StoreAsync("run-1", "transactions", "Laporan Transaksi é.xlsx", upload,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        await using var read = await archive.OpenReadAsync(stored);
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy);

        Assert.Equal("run-1/transactions/Laporan Transaksi é.xlsx", stored.BlobName);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), stored.Sha256);
        Assert.Equal(content.Length, stored.Size);
        Assert.Equal(content, copy.ToArray());
        var properties = await _blobs.GetBlobContainerClient(container).GetBlobClient(stored.BlobName).GetPropertiesAsync();
        Assert.Equal(stored.Sha256, properties.Value.Metadata["sha256"]);
        Assert.Equal("300000", properties.Value.Metadata["size"]);
        Assert.Equal("transactions", properties.Value.Metadata["export"]);
        Assert.Equal(stored.ContentType, properties.Value.Metadata["contenttype"]);
        Assert.Equal(stored.ContentType, properties.Value.ContentType);
    }

    [Fact]
    public async Task ListAsync_RunWithDownloadsAndEvidence_DescribesEachFile()
    {
        using var archive = Archive(out _);
        var pdf = await StoreAsync(archive, "run-2", "users", "users.pdf", "%PDF-1.7 users");
        var shot = await archive.StoreAsync("run-2", "users", "layar.png", new NonSeekableStream([1, 2, 3]), "image/png",
            ArchivedFileKind.Evidence);
        await StoreAsync(archive, "run-3", "users", "users.pdf", "%PDF other run");

        var files = await archive.ListAsync("run-2");

        Assert.Equal([shot.BlobName, pdf.BlobName], files.Select(f => f.BlobName));
        var evidence = files[0];
        Assert.Equal(ArchivedFileKind.Evidence, evidence.Kind);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData([1, 2, 3])), evidence.Sha256);
        Assert.Equal(3, evidence.Size);
        Assert.Equal(pdf with { StoredAt = files[1].StoredAt }, files[1]);
    }

    [Fact]
    public async Task DownloadToAsync_BlobChangedAfterStoring_ThrowsAndLeavesNoFile()
    {
        using var archive = Archive(out var container);
        var stored = await StoreAsync(archive, "run-4", "transactions", "t.xlsx", "asli");
        await _blobs.GetBlobContainerClient(container).GetBlobClient(stored.BlobName)
            .UploadAsync(BinaryData.FromString("diubah"), overwrite: true);
        var path = Path.Combine(Path.GetTempPath(), $"andalan-{Guid.NewGuid():N}.xlsx");

        var error = await Assert.ThrowsAsync<ArchiveIntegrityException>(() => archive.DownloadToAsync(stored, path));

        Assert.Contains(stored.Sha256, error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task DownloadToAsync_IntactBlob_WritesTheFile()
    {
        using var archive = Archive(out _);
        var stored = await StoreAsync(archive, "run-5", "coin_payments", "koin.pdf", "%PDF koin");
        var path = Path.Combine(Path.GetTempPath(), $"andalan-{Guid.NewGuid():N}.pdf");

        await archive.DownloadToAsync(stored, path);

        Assert.Equal("%PDF koin", await File.ReadAllTextAsync(path));
        File.Delete(path);
    }

    [Fact]
    public async Task OpenReadAsync_FileNotInArchive_ThrowsArchivedFileNotFound()
    {
        using var archive = Archive(out _);
        var missing = new ArchivedFile("run-x", "users", "u.pdf", "run-x/users/u.pdf", "00", 1, "application/pdf",
            ArchivedFileKind.Download, DateTimeOffset.UnixEpoch);

        var error = await Assert.ThrowsAsync<ArchivedFileNotFoundException>(() => archive.OpenReadAsync(missing));

        Assert.Contains("run-x/users/u.pdf", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeleteExpiredAsync_RunOlderThanRetention_IsDeletedOnlyOnceRetentionHasPassed()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var archive = Archive(out _, time, retentionDays: 30);
        await StoreAsync(archive, "run-old", "users", "a.pdf", "a");
        await StoreAsync(archive, "run-old", "transactions", "b.xlsx", "b");

        time.Advance(TimeSpan.FromDays(29));
        var early = await archive.DeleteExpiredAsync();
        time.Advance(TimeSpan.FromDays(2));
        var due = await archive.DeleteExpiredAsync();

        Assert.Equal(0, early.RunsDeleted);
        Assert.Equal(1, due.RunsDeleted);
        Assert.Equal(2, due.FilesDeleted);
        Assert.Empty(await archive.ListAsync("run-old"));
    }

    [Theory]
    [InlineData("../run", "users", "a.pdf")]
    [InlineData("run", "users/../x", "a.pdf")]
    [InlineData("run", "users", "..")]
    public async Task StoreAsync_NameThatIsNotOnePathSegment_IsRefused(string runId, string export, string fileName)
    {
        using var archive = Archive(out _);
        using var content = new MemoryStream([1]);

        await Assert.ThrowsAsync<ArgumentException>(
            () => archive.StoreAsync(runId, export, fileName, content, "application/octet-stream"));
    }

    private ExportArchive Archive(out string container, TimeProvider? time = null, int retentionDays = 90)
    {
        container = $"archive-{Guid.NewGuid():N}";
        var options = Options.Create(new StorageOptions { ArchiveContainer = container, RetentionDays = retentionDays });

        return new ExportArchive(_blobs, options, time ?? TimeProvider.System, NullLogger<ExportArchive>.Instance);
    }

    private static async Task<ArchivedFile> StoreAsync(ExportArchive archive, string runId, string export, string name, string text)
    {
        using var content = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));

        return await archive.StoreAsync(runId, export, name, content, name.EndsWith(".pdf", StringComparison.Ordinal)
            ? "application/pdf"
            : "application/octet-stream");
    }

    private sealed class NonSeekableStream(byte[] content) : MemoryStream(content)
    {
        public override bool CanSeek => false;

        public override long Position
        {
            get => base.Position;
            set => throw new NotSupportedException();
        }

        public override long Seek(long offset, SeekOrigin loc) => throw new NotSupportedException();

        public override long Length => throw new NotSupportedException();
    }
}

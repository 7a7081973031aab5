using System.IO.Compression;
using Andalan.Functions.Documents;

namespace Andalan.Functions.Tests.Documents;

/// <summary>Files that are not a readable table fail fast with a kind and a message an operator can act on.</summary>
public sealed class BadDocumentTests
{
    [Theory]
    [InlineData("encrypted.pdf", DocumentErrorKind.Encrypted, "password")]
    [InlineData("scanned.pdf", DocumentErrorKind.Scanned, "scan")]
    [InlineData("no_pages.pdf", DocumentErrorKind.Empty, "no pages")]
    public void Read_CommittedBadPdf_FailsWithItsKind(string file, DocumentErrorKind kind, string said)
    {
        var export = DocumentFiles.Exports.Get("coin_payments");

        var error = Assert.Throws<DocumentException>(() => DocumentFiles.Reader().Read(DocumentFiles.PathOf(file), export));

        Assert.Equal(kind, error.Kind);
        Assert.Contains(said, error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("coin_payments_positioned.pdf", "coin_payments")]
    [InlineData("transactions_closedxml.xlsx", "transactions")]
    public void Read_FileCutInHalf_FailsAsTruncated(string file, string exportName)
    {
        var content = File.ReadAllBytes(DocumentFiles.PathOf(file));
        using var half = new MemoryStream(content[..(content.Length / 2)]);

        var error = Assert.Throws<DocumentException>(() =>
            DocumentFiles.Reader().Read(half, DocumentFiles.Exports.Get(exportName)));

        Assert.Equal(DocumentErrorKind.Truncated, error.Kind);
        Assert.Contains("download it again", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MaintenancePage_SaysItIsHtmlNotATable()
    {
        using var page = new MemoryStream(
            "<!DOCTYPE html><html><head><title>Sedang Pemeliharaan</title></head><body></body></html>"u8.ToArray());

        var error = Assert.Throws<DocumentException>(() =>
            DocumentFiles.Reader().Read(page, DocumentFiles.Exports.Get("users")));

        Assert.Equal(DocumentErrorKind.NotATable, error.Kind);
        Assert.Contains("an HTML page titled 'Sedang Pemeliharaan'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EmptyFile_FailsAsEmpty()
    {
        using var nothing = new MemoryStream();

        var error = Assert.Throws<DocumentException>(() =>
            DocumentFiles.Reader().Read(nothing, DocumentFiles.Exports.Get("users")));

        Assert.Equal(DocumentErrorKind.Empty, error.Kind);
    }

    [Fact]
    public void Read_PdfOverThePageLimit_IsRefusedUnread()
    {
        var reader = DocumentFiles.Reader(new DocumentsOptions { MaxPages = 2 });

        var error = Assert.Throws<DocumentException>(() =>
            reader.Read(DocumentFiles.PathOf("coin_payments_positioned.pdf"), DocumentFiles.Exports.Get("coin_payments")));

        Assert.Equal(DocumentErrorKind.TooLarge, error.Kind);
        Assert.Contains("3 pages, over the limit of 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TableOverTheRowLimit_IsRefused()
    {
        var reader = DocumentFiles.Reader(new DocumentsOptions { MaxRows = 10 });

        var error = Assert.Throws<DocumentException>(() =>
            reader.Read(DocumentFiles.PathOf("transactions_closedxml.xlsx"), DocumentFiles.Exports.Get("transactions")));

        Assert.Equal(DocumentErrorKind.TooLarge, error.Kind);
    }

    [Fact]
    public void Read_ZipBomb_IsRefusedBeforeUnpacking()
    {
        using var bomb = new MemoryStream();
        using (var archive = new ZipArchive(bomb, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = archive.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1 << 20];
            for (var i = 0; i < 64; i++)
            {
                entry.Write(zeros);
            }
        }

        bomb.Position = 0;
        var reader = DocumentFiles.Reader(new DocumentsOptions { MaxXlsxUncompressedBytes = 16L << 20 });

        var error = Assert.Throws<DocumentException>(() => reader.Read(bomb, DocumentFiles.Exports.Get("transactions")));

        Assert.Equal(DocumentErrorKind.TooLarge, error.Kind);
        Assert.True(bomb.Length < 1 << 20, $"the bomb is {bomb.Length} bytes packed");
        Assert.Contains("zip bomb", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_PdfOfAnotherExport_NamesTheExpectedLabelsAndWhatItFound()
    {
        var error = Assert.Throws<DocumentException>(() => DocumentFiles.Reader().Read(
            DocumentFiles.PathOf("coin_payments_positioned.pdf"), DocumentFiles.Exports.Get("users")));

        Assert.Equal(DocumentErrorKind.HeaderNotFound, error.Kind);
        Assert.Contains("'ID User', 'Nama', 'Email'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Laporan Pembayaran Koin", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WorkbookOfAnotherExport_NamesTheExpectedLabelsAndWhatItFound()
    {
        var error = Assert.Throws<DocumentException>(() => DocumentFiles.Reader().Read(
            DocumentFiles.PathOf("transactions_closedxml.xlsx"), DocumentFiles.Exports.Get("point_transactions")));

        Assert.Equal(DocumentErrorKind.HeaderNotFound, error.Kind);
        Assert.Contains("'ID', 'Tanggal', 'Nama User'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Laporan Transaksi Andalan ATK", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_HeaderLackingAColumn_NamesTheMissingColumn()
    {
        var export = DocumentFiles.Exports.Get("coin_payments");
        export = new Andalan.Functions.Exports.ExportDefinition
        {
            Name = export.Name,
            Key = export.Key,
            Tab = export.Tab,
            Fields = [.. export.Fields, new Andalan.Functions.Exports.FieldDefinition { Name = "branch", Label = "Cabang" }],
        };

        var error = Assert.Throws<DocumentException>(() =>
            DocumentFiles.Reader().Read(DocumentFiles.PathOf("coin_payments_positioned.pdf"), export));

        Assert.Equal(DocumentErrorKind.MissingColumns, error.Kind);
        Assert.Contains("no column for 'Cabang' (branch)", error.Message, StringComparison.Ordinal);
    }
}

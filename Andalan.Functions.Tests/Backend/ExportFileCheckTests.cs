using System.IO.Compression;
using System.Text;
using Andalan.Functions.Backend;
using Andalan.Functions.Exports;

namespace Andalan.Functions.Tests.Backend;

public sealed class ExportFileCheckTests : IDisposable
{
    private static readonly ExportDefinition Transactions = new() { Name = "transactions", Format = ExportFormat.Xlsx };
    private static readonly ExportDefinition Users = new() { Name = "users", Format = ExportFormat.Pdf };

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("andalan-filecheck-");

    [Fact]
    public void Verify_WorkbookZip_ReturnsXlsxType()
    {
        var path = Workbook("ok.xlsx");

        var type = ExportFileCheck.Verify(path, Transactions, 1_000_000);

        Assert.Equal(ExportFileCheck.XlsxContentType, type);
    }

    [Fact]
    public void Verify_ZipWithoutWorkbook_FailsAsInvalidFile()
    {
        var path = Path.Combine(_folder.FullName, "other.xlsx");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            zip.CreateEntry("word/document.xml");
        }

        var failure = Assert.Throws<BackendException>(() => ExportFileCheck.Verify(path, Transactions, 1_000_000));

        Assert.Equal(BackendFailure.InvalidFile, failure.Kind);
        Assert.Contains("xl/workbook.xml", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_WorkbookCutShort_FailsAsInvalidFile()
    {
        var whole = File.ReadAllBytes(Workbook("whole.xlsx"));
        var path = Write("cut.xlsx", whole[..(whole.Length / 2)]);

        var failure = Assert.Throws<BackendException>(() => ExportFileCheck.Verify(path, Transactions, 1_000_000));

        Assert.Equal(BackendFailure.InvalidFile, failure.Kind);
        Assert.Equal("transactions", failure.Export);
    }

    [Fact]
    public void Verify_CompletePdf_ReturnsPdfType()
    {
        var path = Write("users.pdf", Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"));

        var type = ExportFileCheck.Verify(path, Users, 1_000_000);

        Assert.Equal(ExportFileCheck.PdfContentType, type);
    }

    [Fact]
    public void Verify_PdfWithoutEndMarker_FailsAsCutShort()
    {
        var path = Write("users.pdf", Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"));

        var failure = Assert.Throws<BackendException>(() => ExportFileCheck.Verify(path, Users, 1_000_000));

        Assert.Contains("cut short", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_HtmlErrorPage_FailsNamingItsTitle()
    {
        var path = Write("users.pdf", Encoding.UTF8.GetBytes(
            "\n<!DOCTYPE html><html><head><title>Server Error</title></head><body>500</body></html>"));

        var failure = Assert.Throws<BackendException>(() => ExportFileCheck.Verify(path, Users, 1_000_000));

        Assert.Equal(BackendFailure.InvalidFile, failure.Kind);
        Assert.Contains("HTML page ('Server Error')", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_PdfWhereXlsxExpected_FailsNamingBoth()
    {
        var path = Write("transactions.xlsx", Encoding.ASCII.GetBytes("%PDF-1.7\n%%EOF\n"));

        var failure = Assert.Throws<BackendException>(() => ExportFileCheck.Verify(path, Transactions, 1_000_000));

        Assert.Contains("is a PDF instead of an xlsx workbook", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_OverTheLimit_FailsNamingTheSetting()
    {
        var path = Workbook("big.xlsx");

        var failure = Assert.Throws<BackendException>(() => ExportFileCheck.Verify(path, Transactions, 10));

        Assert.Contains("MaxDownloadMegabytes", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_EmptyFile_FailsAsInvalidFile()
    {
        var path = Write("empty.pdf", []);

        var failure = Assert.Throws<BackendException>(() => ExportFileCheck.Verify(path, Users, 1_000_000));

        Assert.Contains("empty", failure.Message, StringComparison.Ordinal);
        Assert.True(failure.IsRetryable);
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private string Workbook(string name)
    {
        var path = Path.Combine(_folder.FullName, name);
        using var workbook = new ClosedXML.Excel.XLWorkbook();
        var sheet = workbook.AddWorksheet("Transaksi");
        for (var row = 1; row <= 200; row++)
        {
            sheet.Cell(row, 1).Value = $"INV-{row:D6}";
            sheet.Cell(row, 2).Value = row * 1250;
        }

        workbook.SaveAs(path);

        return path;
    }

    private string Write(string name, byte[] content)
    {
        var path = Path.Combine(_folder.FullName, name);
        File.WriteAllBytes(path, content);

        return path;
    }
}

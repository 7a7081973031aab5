using System.IO.Compression;
using System.Xml;
using Andalan.Functions.Backend;
using Andalan.Functions.Tests.Fixtures;
using Andalan.Sandbox.Hosting;
using Microsoft.Extensions.Logging.Testing;
using UglyToad.PdfPig;
using Xunit.Abstractions;

namespace Andalan.Functions.Tests.Backend;

/// <summary>Exports at production scale: 50,000 transactions in one workbook and a PDF of over 1,000 pages.</summary>
[Collection(PanelBrowserGroup.Name)]
[Trait("Category", "Large")]
public sealed class LargeExportTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Rows = 50_000;

    // About 45 rows fit a portrait page of the point transactions PDF, so this gives a little over 1,000 pages.
    private const int PointRows = 25_000;

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("andalan-large-");
    private SandboxInstance? _sandbox;
    private BackendSession? _session;

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxFixture.StartAsync(o =>
        {
            o.Transactions = Rows;
            o.PointTransactions = PointRows;
        });
        _session = BackendTestSupport.Session(BackendTestSupport.OptionsFor(_sandbox), new FakeLogger<BackendSession>());
    }

    public async Task DisposeAsync()
    {
        await _session!.DisposeAsync();
        await _sandbox!.DisposeAsync();
        _folder.Delete(recursive: true);
    }

    [Fact]
    public async Task DownloadAsync_FiftyThousandTransactions_ArrivesWholeWithinItsTimeout()
    {
        // A window over the whole history, so every generated transaction is in the file.
        var export = BackendTestSupport.Export(
            "transactions", page => page.DateWindowDays = _sandbox!.Options.HistoryDays + 1);

        var file = await _session!.DownloadAsync(export, _folder.FullName, CancellationToken.None);

        var rows = WorksheetRows(file.Path);
        output.WriteLine($"{file.FileName}: {file.Size:N0} bytes, {rows:N0} rows, {file.Duration.TotalSeconds:0.0} s");
        Assert.True(rows > Rows, $"only {rows} rows, header included");
        Assert.True(file.Duration < TimeSpan.FromSeconds(60), $"took {file.Duration}");
    }

    [Fact]
    public async Task DownloadAsync_ThousandPagePdf_ArrivesWholeWithinItsTimeout()
    {
        var export = BackendTestSupport.Export(
            "point_transactions", page => page.DateWindowDays = _sandbox!.Options.HistoryDays + 1);

        var file = await _session!.DownloadAsync(export, _folder.FullName, CancellationToken.None);

        using var pdf = PdfDocument.Open(file.Path);
        output.WriteLine(
            $"{file.FileName}: {file.Size:N0} bytes, {pdf.NumberOfPages:N0} pages, {file.Duration.TotalSeconds:0.0} s");
        Assert.True(pdf.NumberOfPages >= 1_000, $"only {pdf.NumberOfPages} pages");
        Assert.True(file.Duration < TimeSpan.FromSeconds(60), $"took {file.Duration}");
    }

    /// <summary>Counts the first worksheet's rows by streaming its XML, which a 50,000-row sheet needs.</summary>
    private static int WorksheetRows(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        var sheet = zip.Entries.First(e => e.FullName.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal));
        using var reader = XmlReader.Create(sheet.Open());
        var rows = 0;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "row")
            {
                rows++;
            }
        }

        return rows;
    }
}

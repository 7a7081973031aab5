using System.IO.Compression;
using Andalan.Sandbox.Data;
using Andalan.Sandbox.Faults;
using Andalan.Sandbox.Hosting;
using Andalan.Sandbox.Reports;
using ClosedXML.Excel;
using Microsoft.Extensions.Time.Testing;

namespace Andalan.Functions.Tests.Sandbox;

public sealed class ReportWorkbookTests
{
    private static readonly DateOnly From = new(2025, 9, 1);
    private static readonly DateOnly To = new(2025, 9, 13);

    private readonly PanelStore _store = new(
        new SandboxOptions(), new FakeTimeProvider(new DateTimeOffset(2025, 9, 14, 1, 15, 0, TimeSpan.Zero)));

    [Fact]
    public void Render_Transactions_ReadsBackWithClosedXmlAsTheStoresRecords()
    {
        var renderer = new ReportRenderer(_store);

        var file = renderer.Render(ReportRenderer.Transactions, From, To, ExportFault.None);

        using var workbook = new XLWorkbook(new MemoryStream(file.Content));
        var sheet = workbook.Worksheet(1);
        var expected = _store.Transactions(From, To);
        var rows = Enumerable.Range(5, expected.Count).Select(r => sheet.Row(r)).ToList();
        Assert.Equal(
            expected,
            rows.Select(r => new Transaction(
                r.Cell(2).GetString(), r.Cell(3).GetDateTime(), r.Cell(4).GetString(), r.Cell(5).GetString(),
                r.Cell(6).GetString(), (long)r.Cell(7).GetDouble(), (long)r.Cell(8).GetDouble(), r.Cell(9).GetString(),
                r.Cell(10).GetString())));
        Assert.Equal(Enumerable.Range(1, expected.Count).Select(n => (double)n), rows.Select(r => r.Cell(1).GetDouble()));
    }

    [Fact]
    public void Render_Transactions_HasTitlePeriodHeaderTypedCellsAndTotal()
    {
        var renderer = new ReportRenderer(_store);

        var file = renderer.Render(ReportRenderer.Transactions, From, To, ExportFault.None);

        using var workbook = new XLWorkbook(new MemoryStream(file.Content));
        var sheet = workbook.Worksheet(1);
        var expected = _store.Transactions(From, To);
        var totalRow = sheet.Row(5 + expected.Count);
        Assert.Equal("Laporan Transaksi - Andalan ATK", sheet.Cell("A1").GetString());
        Assert.Contains(sheet.MergedRanges, r => r.RangeAddress.ToString() == "A1:J1");
        Assert.StartsWith("Periode: 01/09/2025 - 13/09/2025", sheet.Cell("A2").GetString(), StringComparison.Ordinal);
        Assert.True(sheet.Row(3).IsEmpty());
        Assert.Equal(
            [
                "No", "No. Invoice", "Tanggal", "Nama Member", "No. HP", "Cabang", "Total Belanja", "Poin",
                "Metode Pembayaran", "Status",
            ],
            sheet.Row(4).Cells(1, 10).Select(c => c.GetString()));
        Assert.Equal(XLDataType.DateTime, sheet.Cell("C5").DataType);
        Assert.Equal("dd/mm/yyyy hh:mm", sheet.Cell("C5").Style.NumberFormat.Format);
        Assert.Equal(XLDataType.Number, sheet.Cell("G5").DataType);
        Assert.Equal("\"Rp \"#,##0", sheet.Cell("G5").Style.NumberFormat.Format);
        Assert.Equal(XLDataType.Number, sheet.Cell("H5").DataType);
        var phone = sheet.Column(5).CellsUsed().First(c => c.GetString().StartsWith('0'));
        Assert.Equal(XLDataType.Text, phone.DataType);
        Assert.Equal("Total", totalRow.Cell(1).GetString());
        Assert.True(totalRow.Cell(7).HasFormula);
        Assert.Equal(expected.Sum(t => t.TotalAmount), (long)totalRow.Cell(7).GetDouble());
        Assert.Equal(expected.Sum(t => t.PointsEarned), (long)totalRow.Cell(8).GetDouble());
        Assert.Equal(totalRow.RowNumber(), sheet.LastRowUsed().RowNumber());
    }

    [Fact]
    public void Render_TransactionsWithFormulaLookingText_KeepsItAsText()
    {
        var store = new PanelStore(
            new SandboxOptions { Seed = 3, Users = 200 },
            new FakeTimeProvider(new DateTimeOffset(2025, 9, 14, 1, 15, 0, TimeSpan.Zero)));
        var renderer = new ReportRenderer(store);
        var tricky = store.Transactions(null, null)
            .Where(t => t.MemberName is ['=' or '+' or '-' or '@', ..] || t.MemberPhone.StartsWith('+')).ToList();

        var file = renderer.Render(ReportRenderer.Transactions, null, null, ExportFault.None);

        using var workbook = new XLWorkbook(new MemoryStream(file.Content));
        var cells = workbook.Worksheet(1).Range("D5:E" + (4 + store.Transactions(null, null).Count)).CellsUsed().ToList();
        Assert.NotEmpty(tricky);
        Assert.All(cells, c => Assert.False(c.HasFormula));
        Assert.All(tricky, t => Assert.Contains(cells, c => c.GetString() == t.MemberName || c.GetString() == t.MemberPhone));
    }

    [Fact]
    public void Render_TransactionsEmpty_HasTitleAndHeaderButNoRows()
    {
        var renderer = new ReportRenderer(_store);

        var file = renderer.Render(ReportRenderer.Transactions, From, To, ExportFault.Empty);

        using var workbook = new XLWorkbook(new MemoryStream(file.Content));
        var sheet = workbook.Worksheet(1);
        Assert.Equal("Laporan Transaksi - Andalan ATK", sheet.Cell("A1").GetString());
        Assert.Equal("No. Invoice", sheet.Cell("B4").GetString());
        Assert.Equal(4, sheet.LastRowUsed().RowNumber());
    }

    [Fact]
    public void Render_TransactionsRenamedColumn_LabelsTheAmountTotalTransaksi()
    {
        var renderer = new ReportRenderer(_store);

        var file = renderer.Render(ReportRenderer.Transactions, From, To, ExportFault.RenamedColumn);

        using var workbook = new XLWorkbook(new MemoryStream(file.Content));
        var header = workbook.Worksheet(1).Row(4).Cells(1, 10).Select(c => c.GetString()).ToList();
        Assert.Contains("Total Transaksi", header);
        Assert.DoesNotContain("Total Belanja", header);
        Assert.Equal(_store.Transactions(From, To).Count + 6, workbook.Worksheet(1).LastRowUsed().RowNumber() + 1);
    }

    [Fact]
    public void Render_TransactionsCorrupt_IsNoLongerAWorkbook()
    {
        var renderer = new ReportRenderer(_store);
        var whole = renderer.Render(ReportRenderer.Transactions, From, To, ExportFault.None);

        var file = renderer.Render(ReportRenderer.Transactions, From, To, ExportFault.Corrupt);

        Assert.Equal(whole.Content[..file.Content.Length], file.Content);
        Assert.True(file.Content.Length < whole.Content.Length);
        Assert.ThrowsAny<InvalidDataException>(() => new ZipArchive(new MemoryStream(file.Content), ZipArchiveMode.Read));
        Assert.ThrowsAny<Exception>(() => new XLWorkbook(new MemoryStream(file.Content)));
    }
}

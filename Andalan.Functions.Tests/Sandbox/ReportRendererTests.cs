using Andalan.Sandbox.Data;
using Andalan.Sandbox.Faults;
using Andalan.Sandbox.Hosting;
using Andalan.Sandbox.Reports;
using Microsoft.Extensions.Time.Testing;

namespace Andalan.Functions.Tests.Sandbox;

public sealed class ReportRendererTests
{
    private readonly ReportRenderer _renderer = new(new PanelStore(
        new SandboxOptions { Transactions = 300, PointTransactions = 200, Users = 100, CoinPayments = 50 },
        new FakeTimeProvider(new DateTimeOffset(2025, 9, 14, 1, 15, 0, TimeSpan.Zero))));

    [Theory]
    [InlineData(
        ReportRenderer.Transactions, "transaksi_2025-09-08_2025-09-14.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "PK")]
    [InlineData(ReportRenderer.PointTransactions, "poin_2025-09-08_2025-09-14.pdf", "application/pdf", "%PDF-")]
    [InlineData(ReportRenderer.Users, "member_2025-09-14.pdf", "application/pdf", "%PDF-")]
    public void Render_DateWindow_NamesTheFileAfterTheExportAndPeriod(
        string export, string fileName, string contentType, string magic)
    {
        var file = _renderer.Render(export, new DateOnly(2025, 9, 8), new DateOnly(2025, 9, 14), ExportFault.None);

        Assert.Equal((fileName, contentType), (file.FileName, file.ContentType));
        Assert.Equal(magic, System.Text.Encoding.ASCII.GetString(file.Content, 0, magic.Length));
    }

    [Fact]
    public void Render_NoDates_NamesTheFileFromTheBeginningToToday()
    {
        var file = _renderer.Render(ReportRenderer.Transactions, null, null, ExportFault.None);

        Assert.Equal("transaksi_semua_2025-09-14.xlsx", file.FileName);
    }

    [Fact]
    public void Render_SameStoreTwice_GivesTheSameWorkbook()
    {
        var first = _renderer.Render(ReportRenderer.Transactions, null, null, ExportFault.None);

        var second = _renderer.Render(ReportRenderer.Transactions, null, null, ExportFault.None);

        Assert.Equal(first.Content, second.Content);
    }

    [Fact]
    public void Render_ServerError_IsLeftToTheWebLayer()
    {
        Assert.Throws<InvalidOperationException>(
            () => _renderer.Render(ReportRenderer.Users, null, null, ExportFault.ServerError));
    }

    [Fact]
    public void Render_UnknownExport_ThrowsNamingTheKnownOnes()
    {
        var error = Assert.Throws<ArgumentException>(() => _renderer.Render("coin_payments", null, null, ExportFault.None));

        Assert.Contains("transactions, point_transactions, users", error.Message, StringComparison.Ordinal);
    }
}

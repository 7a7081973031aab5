using System.Diagnostics;
using System.Globalization;
using Andalan.Sandbox.Data;
using Andalan.Sandbox.Faults;
using Andalan.Sandbox.Hosting;
using Andalan.Sandbox.Reports;
using ClosedXML.Excel;
using Microsoft.Extensions.Time.Testing;
using UglyToad.PdfPig;
using Xunit.Abstractions;

namespace Andalan.Functions.Tests.Sandbox;

/// <summary>
/// Generation and rendering against the clock. By default at a twentieth of the large sizes, to stay quick;
/// set ANDALAN_REPORT_SCALE=1 to run at 200,000 transactions, 50,000 point transactions, 20,000 users and
/// 20,000 coin payments (the figures in notes/reports.md come from that run).
/// </summary>
public sealed class ReportScaleTests(ITestOutputHelper output)
{
    private static readonly double Scale = double.TryParse(
        Environment.GetEnvironmentVariable("ANDALAN_REPORT_SCALE"), NumberStyles.Float, CultureInfo.InvariantCulture,
        out var scale)
        ? scale
        : 0.05;

    [Fact]
    public void Render_LargeSizes_GeneratesAndRendersEachExportInSeconds()
    {
        var options = new SandboxOptions
        {
            Transactions = Size(200_000), PointTransactions = Size(50_000), Users = Size(20_000), CoinPayments = Size(20_000),
        };

        var time = new FakeTimeProvider(new DateTimeOffset(2025, 9, 14, 1, 15, 0, TimeSpan.Zero));

        var (store, generation) = Timed(() => new PanelStore(options, time));
        var renderer = new ReportRenderer(store);
        var (workbook, xlsx) = Timed(() => renderer.Render(ReportRenderer.Transactions, null, null, ExportFault.None));
        var (points, pointsPdf) = Timed(() => renderer.Render(ReportRenderer.PointTransactions, null, null, ExportFault.None));
        var (users, usersPdf) = Timed(() => renderer.Render(ReportRenderer.Users, null, null, ExportFault.None));
        var (advance, advancing) = Timed(() => store.Advance(TimeSpan.FromHours(12)));

        using var pointsDocument = PdfDocument.Open(points.Content);
        using var usersDocument = PdfDocument.Open(users.Content);
        output.WriteLine(
            $"scale {Scale}: generation {generation.TotalSeconds:F1} s, advance 12 h {advancing.TotalSeconds:F1} s " +
            $"({advance.Exports[0].Added.Count} new transactions)");
        output.WriteLine(
            $"transactions xlsx: {options.Transactions} rows, {workbook.Content.Length / 1024} KiB, {xlsx.TotalSeconds:F1} s");
        output.WriteLine($"point transactions pdf: {options.PointTransactions} rows, {pointsDocument.NumberOfPages} pages, " +
            $"{points.Content.Length / 1024} KiB, {pointsPdf.TotalSeconds:F1} s");
        output.WriteLine(
            $"users pdf: {options.Users} rows, {usersDocument.NumberOfPages} pages, {users.Content.Length / 1024} KiB, " +
            $"{usersPdf.TotalSeconds:F1} s");
        using (var book = new XLWorkbook(new MemoryStream(workbook.Content)))
        {
            Assert.Equal(options.Transactions + 5, book.Worksheet(1).LastRowUsed().RowNumber());
        }

        Assert.True(pointsDocument.NumberOfPages > options.PointTransactions / 60);
        Assert.True(usersDocument.NumberOfPages > options.Users / 40);
        var limit = TimeSpan.FromSeconds((60 * Scale) + 20);
        Assert.All([generation, xlsx, pointsPdf, usersPdf, advancing], t => Assert.InRange(t, TimeSpan.Zero, limit));
    }

    private static int Size(int large) => (int)(large * Scale);

    private static (T Result, TimeSpan Elapsed) Timed<T>(Func<T> work)
    {
        var clock = Stopwatch.StartNew();
        var result = work();

        return (result, clock.Elapsed);
    }
}

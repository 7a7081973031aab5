using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Andalan.Sandbox.Data;
using Andalan.Sandbox.Faults;
using Andalan.Sandbox.Hosting;
using ClosedXML.Excel;
using Microsoft.Extensions.DependencyInjection;

namespace Andalan.Functions.Tests.Sandbox;

[Collection(PanelSandboxFixture.Name)]
public sealed class PanelReportTests(PanelSandboxFixture fixture) : IDisposable
{
    private readonly SandboxInstance _sandbox = fixture.Sandbox;
    private readonly PanelTestClient _panel = fixture.StartTest();

    private PanelStore Store => _sandbox.Services.GetRequiredService<PanelStore>();

    public void Dispose() => _panel.Dispose();

    [Fact]
    public async Task ReportPage_WithoutFilter_DefaultsToLastSevenDaysInFormAndExportLink()
    {
        await _panel.SignInAsync();

        var html = await _panel.Http.GetStringAsync("/reports/transactions");

        Assert.Contains(
            """<form id="filter-form" method="get" action="/reports/transactions" class="filter-form">""",
            html, StringComparison.Ordinal);
        Assert.Contains("""<input type="date" name="date_from" value="2025-09-08">""", html, StringComparison.Ordinal);
        Assert.Contains("""<input type="date" name="date_to" value="2025-09-14">""", html, StringComparison.Ordinal);
        Assert.Contains("""<button id="btn-filter" type="submit" """, html, StringComparison.Ordinal);
        Assert.Contains(
            """<a id="btn-export" class="btn btn-success" """
            + """href="/reports/transactions/export?date_from=2025-09-08&amp;date_to=2025-09-14">""",
            html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportPage_WithFilterAndPage_PreviewsThatPageOfTheWindowNewestFirst()
    {
        await _panel.SignInAsync();
        var expected = Store.PointTransactions(new DateOnly(2025, 9, 1), new DateOnly(2025, 9, 10)).Reverse().ToList();

        var html = await _panel.Http.GetStringAsync(
            "/reports/point-transactions?date_from=2025-09-01&date_to=2025-09-10&page=2");

        var ids = Regex.Matches(html, "<tr><td>[0-9]+</td><td>([^<]+)</td>").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(expected.Skip(25).Take(25).Select(p => p.Id), ids);
        Assert.Contains(
            $"Menampilkan 26 sampai 50 dari {Grouped(expected.Count)} data", html, StringComparison.Ordinal);
        Assert.Contains(
            "href=\"/reports/point-transactions/export?date_from=2025-09-01&amp;date_to=2025-09-10\"",
            html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportPage_WithDateToBeforeDateFrom_ShowsValidationErrorAndDefaultWindow()
    {
        await _panel.SignInAsync();

        var html = await _panel.Http.GetStringAsync("/reports/coin-payments?date_from=2025-09-10&date_to=2025-09-01");

        Assert.Contains(
            "The date to field must be a date after or equal to date from.", html, StringComparison.Ordinal);
        Assert.Contains("""data-date-from="2025-09-08" data-date-to="2025-09-14">""", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsersPage_HasNoFilterAndExportsEveryUser()
    {
        await _panel.SignInAsync();

        var html = await _panel.Http.GetStringAsync("/reports/users");

        Assert.DoesNotContain("filter-form", html, StringComparison.Ordinal);
        Assert.Contains(
            """<a id="btn-export" class="btn btn-success" href="/reports/users/export">""",
            html,
            StringComparison.Ordinal);
        Assert.Contains($"dari {Grouped(Store.Users().Count)} data", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TransactionsExport_WithFilter_SendsWorkbookWhoseRowsAreTheWindow()
    {
        await _panel.SignInAsync();
        var expected = Store.Transactions(new DateOnly(2025, 9, 3), new DateOnly(2025, 9, 5));

        using var response = await _panel.Http.GetAsync(
            "/reports/transactions/export?date_from=2025-09-03&date_to=2025-09-05");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.EndsWith(
            ".xlsx", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        using var workbook = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        var sheet = workbook.Worksheets.First();
        var header = sheet.RowsUsed().First(r => r.CellsUsed().Any(c => c.GetString() == "No. Invoice"));
        int Column(string label) => header.CellsUsed().First(c => c.GetString() == label).Address.ColumnNumber;
        var rows = sheet.RowsUsed().Where(r => r.RowNumber() > header.RowNumber())
            .Where(r => !string.IsNullOrEmpty(r.Cell(Column("No. Invoice")).GetString()))
            .ToList();
        Assert.Equal(expected.Select(t => t.InvoiceNo).Order(StringComparer.Ordinal),
            rows.Select(r => r.Cell(Column("No. Invoice")).GetString()).Order(StringComparer.Ordinal));
        Assert.All(rows, r => Assert.InRange(
            r.Cell(Column("Tanggal")).GetDateTime(), new DateTime(2025, 9, 3), new DateTime(2025, 9, 6)));
    }

    [Fact]
    public async Task PdfExports_WithFilter_SendPdfAttachments()
    {
        await _panel.SignInAsync();

        foreach (var path in new[] { "/reports/point-transactions/export", "/reports/users/export" })
        {
            using var response = await _panel.Http.GetAsync(path);
            var content = await response.Content.ReadAsByteArrayAsync();

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
            using var document = UglyToad.PdfPig.PdfDocument.Open(content);
            Assert.True(document.NumberOfPages >= 1);
        }
    }

    [Fact]
    public async Task Export_WithServerErrorFault_AnswersLaravelServerErrorPageOnce()
    {
        await _panel.SignInAsync();
        _sandbox.Faults.Panel.Exports["users"] = ExportFault.ServerError;
        _sandbox.Faults.Panel.ExportFaultCount = 1;

        using var failed = await _panel.Http.GetAsync("/reports/users/export");
        using var next = await _panel.Http.GetAsync("/reports/users/export");

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Contains("Server Error", await failed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task CoinPaymentsData_WithFilter_AnswersTheWindowsPaymentsAsLaravelJson()
    {
        await _panel.SignInAsync();
        var expected = Store.CoinPayments(new DateOnly(2025, 9, 1), new DateOnly(2025, 9, 7));

        using var json = await GetDataAsync("date_from=2025-09-01&date_to=2025-09-07");

        var data = json.RootElement.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(expected.Select(p => p.PaymentId), data.Select(d => d.GetProperty("payment_id").GetString()));
        Assert.Equal(
            expected.Select(p => p.Amount.ToString(CultureInfo.InvariantCulture) + ".00"),
            data.Select(d => d.GetProperty("amount").GetString()));
        Assert.Equal(
            ["ID Pembayaran", "Tanggal", "Nama User", "No. Invoice", "Koin", "Nominal", "Status"],
            json.RootElement.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("label").GetString()));
    }

    [Fact]
    public async Task CoinPaymentsData_WithEmptyAndRenamedColumnFaults_SpoilsTheAnswer()
    {
        await _panel.SignInAsync();

        _sandbox.Faults.Panel.Exports["coin_payments"] = ExportFault.Empty;
        using var empty = await GetDataAsync("date_from=2025-09-01&date_to=2025-09-07");
        _sandbox.Faults.Panel.Exports["coin_payments"] = ExportFault.RenamedColumn;
        using var renamed = await GetDataAsync("date_from=2025-09-01&date_to=2025-09-07");
        _sandbox.Faults.Panel.Exports["coin_payments"] = ExportFault.Corrupt;
        using var corrupt = await GetDataAsync("date_from=2025-09-01&date_to=2025-09-07");

        Assert.Empty(empty.RootElement.GetProperty("data").EnumerateArray());
        var labels = renamed.RootElement.GetProperty("columns").EnumerateArray()
            .Select(c => c.GetProperty("label").GetString())
            .ToList();
        Assert.DoesNotContain("Nominal", labels);
        Assert.Contains("Total Bayar", labels);
        Assert.NotEmpty(renamed.RootElement.GetProperty("data").EnumerateArray());
        Assert.True(corrupt.RootElement.GetProperty("_sandbox").GetProperty("truncate").GetBoolean());
    }

    private static string Grouped(int count) => count.ToString("#,0", CultureInfo.InvariantCulture).Replace(',', '.');

    private async Task<JsonDocument> GetDataAsync(string query)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/reports/coin-payments/data?" + query);
        request.Headers.Accept.ParseAdd("application/json");
        using var response = await _panel.Http.SendAsync(request);
        response.EnsureSuccessStatusCode();

        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }
}

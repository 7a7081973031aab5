using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Andalan.Functions.Tests.Fixtures;
using Andalan.Sandbox.Data;
using Andalan.Sandbox.Faults;
using Andalan.Sandbox.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Andalan.Functions.Tests.Sandbox;

/// <summary>
/// The coin payments page builds its PDF in the browser, so only a real browser can test it: Debian's Chromium
/// through Playwright clicks the button and catches the Blob download, and PdfPig reads the file back.
/// </summary>
[Collection(PanelSandboxFixture.Name)]
public sealed partial class PanelCoinPaymentsExportTests(
    PanelSandboxFixture fixture, PanelCoinPaymentsExportTests.Chromium chromium)
    : IClassFixture<PanelCoinPaymentsExportTests.Chromium>, IAsyncLifetime
{
    private static readonly string[] Months =
        ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"];

    private static readonly string[] Header =
        ["No", "ID Pembayaran", "Tanggal", "Nama User", "No. Invoice", "Koin", "Nominal", "Status"];

    private static readonly HashSet<string> RightAligned = ["No", "Koin", "Nominal"];

    private readonly SandboxInstance _sandbox = fixture.Sandbox;
    private IBrowserContext _context = null!;
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        fixture.Reset();
        _context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            AcceptDownloads = true,
            BaseURL = _sandbox.Addresses.BaseUrl.ToString(),
        });
        _page = await _context.NewPageAsync();
        await _page.GotoAsync("/login");
        await _page.FillAsync("#login-form input[name=email]", _sandbox.Credentials.PanelUser);
        await _page.FillAsync("#login-form input[name=password]", _sandbox.Credentials.PanelPassword);
        await _page.ClickAsync("#login-form button[type=submit]");
        await _page.WaitForURLAsync("**/dashboard");
    }

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public async Task ExportButton_InChromium_DownloadsPdfWithEveryPaymentOfTheWindowInColumns()
    {
        var from = new DateOnly(2025, 9, 3);
        var to = new DateOnly(2025, 9, 9);
        var payments = _sandbox.Services.GetRequiredService<PanelStore>().CoinPayments(from, to);
        await _page.GotoAsync("/reports/coin-payments?date_from=2025-09-03&date_to=2025-09-09");

        var download = await _page.RunAndWaitForDownloadAsync(() => _page.ClickAsync("#btn-export"));
        var file = await File.ReadAllBytesAsync(await download.PathAsync());

        Assert.Equal("pembayaran_koin_2025-09-03_2025-09-09.pdf", download.SuggestedFilename);
        AssertCrossReferencesPointAtTheirObjects(file);
        using var document = PdfDocument.Open(file);
        Assert.True(document.NumberOfPages >= 3, $"{payments.Count} payments on {document.NumberOfPages} pages.");
        var text = string.Join('\n', document.GetPages().SelectMany(TextLines).SelectMany(l => l).Select(s => s.Text));
        Assert.Contains("Laporan Pembayaran Koin", text, StringComparison.Ordinal);
        Assert.Contains("Periode: 03 Sep 2025 \u2013 09 Sep 2025", text, StringComparison.Ordinal);

        var rows = new List<string[]>();
        var wrappedNames = 0;
        foreach (var page in document.GetPages())
        {
            rows.AddRange(ReadTable(page, document.NumberOfPages, ref wrappedNames));
        }

        Assert.True(wrappedNames > 0, "No long name was wrapped over two lines in this window.");

        var total = rows[^1];
        Assert.Equal("Total", total[1]);
        Assert.Equal(Number(payments.Sum(p => p.Coins)), total[5]);
        Assert.Equal(Rupiah(payments.Sum(p => p.Amount)), total[6]);
        var expected = payments.Select((p, i) => new[]
        {
            (i + 1).ToString(CultureInfo.InvariantCulture), p.PaymentId, DateTimeText(p.PaidAt), Folded(p.UserName),
            p.InvoiceNo, Number(p.Coins), Rupiah(p.Amount), p.Status,
        });
        Assert.Equal(expected, rows.SkipLast(1));
    }

    [Fact]
    public async Task ExportButton_WithCorruptFault_DownloadsTruncatedPdf()
    {
        _sandbox.Faults.Panel.Exports["coin_payments"] = ExportFault.Corrupt;
        await _page.GotoAsync("/reports/coin-payments");

        var download = await _page.RunAndWaitForDownloadAsync(() => _page.ClickAsync("#btn-export"));
        var file = await File.ReadAllBytesAsync(await download.PathAsync());

        Assert.StartsWith("%PDF-1.4", Encoding.Latin1.GetString(file, 0, 8), StringComparison.Ordinal);
        Assert.DoesNotContain("%%EOF", Encoding.Latin1.GetString(file), StringComparison.Ordinal);
        Assert.ThrowsAny<Exception>(
            () => PdfDocument.Open(file, new ParsingOptions { UseLenientParsing = false }).Dispose());
    }

    [Fact]
    public async Task ExportButton_WithServerErrorFault_ShowsErrorAndDownloadsNothing()
    {
        _sandbox.Faults.Panel.Exports["coin_payments"] = ExportFault.ServerError;
        await _page.GotoAsync("/reports/coin-payments");
        var downloads = 0;
        _page.Download += (_, _) => downloads++;

        await _page.ClickAsync("#btn-export");
        var error = await _page.WaitForSelectorAsync("#export-error:not([hidden])");

        Assert.Contains("500", await error!.TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(0, downloads);
    }

    /// <summary>
    /// The table of one page, checked as it is read: the header on every page, each cell left-aligned under its
    /// label or right-aligned with it, a wrapped name joined to its row, and the page's "Halaman X dari Y".
    /// </summary>
    private static List<string[]> ReadTable(Page page, int pageCount, ref int wrappedNames)
    {
        var lines = TextLines(page);
        var headerAt = lines.FindIndex(l => l.Any(s => s.Text == "ID Pembayaran"));
        Assert.True(headerAt >= 0, $"Page {page.Number} has no table header.");
        var header = lines[headerAt];
        Assert.Equal(Header, header.Select(s => s.Text));
        Assert.All(header, s => Assert.Equal("Helvetica-Bold", s.FontName));
        Assert.Equal($"Halaman {page.Number} dari {pageCount}", Assert.Single(lines[^1]).Text);

        var rows = new List<string[]>();
        foreach (var line in lines.Skip(headerAt + 1).SkipLast(1))
        {
            var cells = new string[Header.Length];
            foreach (var segment in line)
            {
                var column = header.FindIndex(h => RightAligned.Contains(h.Text)
                    ? Math.Abs(h.Right - segment.Right) < 0.05
                    : Math.Abs(h.Left - segment.Left) < 0.05);
                Assert.True(column >= 0, $"'{segment.Text}' on page {page.Number} sits under no column label.");
                cells[column] = segment.Text;
            }

            if (cells.Count(c => c is not null) == 1 && cells[3] is { } nameContinued && rows.Count > 0)
            {
                rows[^1][3] += " " + nameContinued;
                wrappedNames++;
            }
            else
            {
                rows.Add(cells.Select(c => c ?? string.Empty).ToArray());
            }
        }

        return rows;
    }

    /// <summary>The page's text as lines top to bottom, each as runs of touching letters (one drawn string).</summary>
    private static List<List<TextRun>> TextLines(Page page) =>
        [.. page.Letters
            .GroupBy(l => Math.Round(l.StartBaseLine.Y, 1))
            .OrderByDescending(g => g.Key)
            .Select(g => Runs(g.OrderBy(l => l.StartBaseLine.X)))];

    private static List<TextRun> Runs(IEnumerable<Letter> letters)
    {
        var runs = new List<TextRun>();
        var text = new StringBuilder();
        Letter? first = null;
        Letter? last = null;
        foreach (var letter in letters)
        {
            if (last is not null && letter.StartBaseLine.X - last.EndBaseLine.X > 0.5)
            {
                runs.Add(new TextRun(text.ToString(), first!.StartBaseLine.X, last.EndBaseLine.X, first.FontName));
                text.Clear();
                first = null;
            }

            first ??= letter;
            text.Append(letter.Value);
            last = letter;
        }

        runs.Add(new TextRun(text.ToString(), first!.StartBaseLine.X, last!.EndBaseLine.X, first.FontName));

        return runs;
    }

    /// <summary>Every in-use entry of the cross-reference table must give the byte offset of "N 0 obj".</summary>
    private static void AssertCrossReferencesPointAtTheirObjects(byte[] file)
    {
        var text = Encoding.Latin1.GetString(file);
        var start = int.Parse(StartXref().Matches(text)[^1].Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.StartsWith("xref", text[start..], StringComparison.Ordinal);
        var section = XrefSection().Match(text, start);
        var count = int.Parse(section.Groups[1].Value, CultureInfo.InvariantCulture);
        var entries = XrefEntry().Matches(text, section.Index + section.Length).Take(count).ToList();
        Assert.Equal(count, entries.Count);
        for (var number = 1; number < count; number++)
        {
            var offset = int.Parse(entries[number].Groups[1].Value, CultureInfo.InvariantCulture);
            Assert.StartsWith($"{number} 0 obj", text[offset..], StringComparison.Ordinal);
        }
    }

    private static string DateTimeText(DateTime at) =>
        string.Create(CultureInfo.InvariantCulture, $"{at:dd} {Months[at.Month - 1]} {at:yyyy HH:mm}");

    private static string Number(long value) =>
        value.ToString("#,0", CultureInfo.InvariantCulture).Replace(',', '.');

    private static string Rupiah(long amount) => "Rp" + Number(amount) + ",00";

    private static string Folded(string text) => WhiteSpace().Replace(text.Trim(), " ");

    [GeneratedRegex(@"startxref\s+(\d+)")]
    private static partial Regex StartXref();

    [GeneratedRegex(@"\Gxref\s+0\s+(\d+)\s+")]
    private static partial Regex XrefSection();

    [GeneratedRegex(@"(\d{10}) (\d{5}) ([nf]) ?\r?\n")]
    private static partial Regex XrefEntry();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    private sealed record TextRun(string Text, double Left, double Right, string? FontName);

    /// <summary>One headless Debian Chromium for the class; Playwright cannot download its own here.</summary>
    public sealed class Chromium : IAsyncLifetime
    {
        private IPlaywright? _playwright;

        public IBrowser Browser { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            (_playwright, Browser) = await TestChromium.LaunchAsync();
        }

        public async Task DisposeAsync()
        {
            if (Browser is not null)
            {
                await Browser.DisposeAsync();
            }

            _playwright?.Dispose();
        }
    }
}

using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Andalan.Sandbox.Data;
using Andalan.Sandbox.Faults;
using Andalan.Sandbox.Hosting;
using Andalan.Sandbox.Reports;
using Microsoft.Extensions.Time.Testing;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Andalan.Functions.Tests.Sandbox;

/// <summary>Reads the two PDF exports back with PdfPig, letter by letter, and compares them with the store.</summary>
public sealed partial class ReportPdfTests
{
    private static readonly DateTimeOffset Start = new(2025, 9, 14, 1, 15, 0, TimeSpan.Zero);
    private static readonly DateOnly From = new(2025, 9, 8);
    private static readonly DateOnly To = new(2025, 9, 13);
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    private static readonly string[] PointLabels =
        ["No", "ID", "Tanggal", "Nama User", "Email", "Tipe", "Poin", "Keterangan", "Saldo"];
    private static readonly string[] UserLabels =
        ["No", "ID User", "Nama", "Email", "No. HP", "Tgl Daftar", "Level", "Total Poin", "Koin", "Status"];

    private readonly PanelStore _store = new(new SandboxOptions(), new FakeTimeProvider(Start));

    [Fact]
    public void Render_PointTransactions_ReadsBackAcrossPagesAsTheStoresRecords()
    {
        var renderer = new ReportRenderer(_store);

        var file = renderer.Render(ReportRenderer.PointTransactions, From, To, ExportFault.None);

        using var pdf = PdfDocument.Open(file.Content);
        var pages = pdf.GetPages().ToList();
        var expected = _store.PointTransactions(From, To).Select((p, i) => new[]
        {
            (i + 1).ToString(CultureInfo.InvariantCulture), p.Id,
            p.CreatedAt.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture),
            p.UserName, p.UserEmail ?? string.Empty, p.Type, p.Points.ToString(CultureInfo.InvariantCulture),
            Fold(p.Description), p.Balance.ToString(CultureInfo.InvariantCulture),
        });
        var rows = pages
            .SelectMany(p => TableRows(p, PointTransactionsPdf.Margin, PointTransactionsPdf.Columns, keyColumn: 1)).ToList();
        Assert.True(pages.Count > 3);
        Assert.Equal(expected, rows);
        Assert.Contains(_store.PointTransactions(From, To), p => p.Description is { Length: > 120 } && p.Points < 0);
    }

    [Fact]
    public void Render_PointTransactions_RepeatsPageHeaderTableHeaderAndPageNumberOnEveryPage()
    {
        var renderer = new ReportRenderer(_store);

        var file = renderer.Render(ReportRenderer.PointTransactions, From, To, ExportFault.None);

        using var pdf = PdfDocument.Open(file.Content);
        var pages = pdf.GetPages().ToList();
        Assert.All(pages, page =>
        {
            var lines = Lines(page);
            Assert.Equal(PageSize.A4, page.Size);
            Assert.True(page.Height > page.Width);
            Assert.Contains(lines, l => l.StartsWith("Andalan ATK - Panel Admin", StringComparison.Ordinal));
            Assert.Contains(lines, l => l == string.Join(" ", PointLabels));
            Assert.Contains($"Halaman {page.Number} dari {pages.Count}", lines);
        });
        Assert.Contains("Laporan Transaksi Poin Member", Lines(pages[0]));
        Assert.Contains("Periode: 08/09/2025 - 13/09/2025", Lines(pages[0]));
        Assert.DoesNotContain("Laporan Transaksi Poin Member", Lines(pages[1]));
    }

    [Fact]
    public void Render_PointTransactions_WrapsLongDescriptionsOverSeveralLinesInTheirCell()
    {
        var renderer = new ReportRenderer(_store);
        var record = _store.PointTransactions(From, To).First(p => p.Description is { Length: > 120 });

        var file = renderer.Render(ReportRenderer.PointTransactions, From, To, ExportFault.None);

        using var pdf = PdfDocument.Open(file.Content);
        var page = pdf.GetPages().First(p => Text(p).Contains(record.Id, StringComparison.Ordinal));
        var edges = Edges(PointTransactionsPdf.Margin, PointTransactionsPdf.Columns);
        var anchor = page.Letters.Where(l => Column(l, edges) == 1).GroupBy(l => Math.Round(l.StartBaseLine.Y, 1))
            .Single(g => string.Concat(g.OrderBy(l => l.StartBaseLine.X).Select(l => l.Value)) == record.Id).Key;
        var descriptionLines = page.Letters
            .Where(l => Column(l, edges) == 7 && l.StartBaseLine.Y <= anchor + 0.5 && l.StartBaseLine.Y > anchor - 60)
            .Select(l => Math.Round(l.StartBaseLine.Y, 1)).Distinct().Count();
        Assert.InRange(descriptionLines, 3, 8);
    }

    [Fact]
    public void Render_PointTransactions_AlignsNumbersRightAndDatesLeft()
    {
        var renderer = new ReportRenderer(_store);

        var file = renderer.Render(ReportRenderer.PointTransactions, From, To, ExportFault.None);

        using var pdf = PdfDocument.Open(file.Content);
        var page = pdf.GetPage(2);
        var edges = Edges(PointTransactionsPdf.Margin, PointTransactionsPdf.Columns);
        var body = page.Letters.Where(l =>
            l.FontName?.Contains("Bold", StringComparison.Ordinal) != true && l.StartBaseLine.Y is > 40 and < 800);
        var lines = body.GroupBy(l => (Column: Column(l, edges), Y: Math.Round(l.StartBaseLine.Y, 1))).ToList();
        var rightEnds = lines.Where(g => g.Key.Column is 6 or 8).Select(g => g.Max(l => l.EndBaseLine.X) - edges[g.Key.Column + 1]);
        var dateStarts = lines.Where(g => g.Key.Column == 2).Select(g => g.Min(l => l.StartBaseLine.X) - edges[2]);
        Assert.All(rightEnds, gap => Assert.InRange(gap, -3.1, -2.1));
        Assert.All(dateStarts, gap => Assert.InRange(gap, 2.1, 3.1));
        Assert.Contains(lines, g => g.Key.Column == 6 && g.First().Value == "-");
    }

    [Fact]
    public void Render_PointTransactions_PageCountGrowsWithTheNumberOfRecords()
    {
        var small = new PanelStore(new SandboxOptions { PointTransactions = 300 }, new FakeTimeProvider(Start));
        var large = new PanelStore(new SandboxOptions { PointTransactions = 3_000 }, new FakeTimeProvider(Start));

        var smallFile = new ReportRenderer(small).Render(ReportRenderer.PointTransactions, null, null, ExportFault.None);
        var largeFile = new ReportRenderer(large).Render(ReportRenderer.PointTransactions, null, null, ExportFault.None);

        using var smallPdf = PdfDocument.Open(smallFile.Content);
        using var largePdf = PdfDocument.Open(largeFile.Content);
        Assert.InRange(smallPdf.NumberOfPages, 5, 20);
        Assert.InRange(largePdf.NumberOfPages, smallPdf.NumberOfPages * 7, smallPdf.NumberOfPages * 13);
        var last = largePdf.NumberOfPages;
        Assert.Contains($"Halaman {last} dari {last}", Lines(largePdf.GetPage(last)));
    }

    [Fact]
    public void Render_Users_ReadsBackAsLandscapeWithTheHeaderOnThePageOneOnlyAndAJumlahRow()
    {
        var renderer = new ReportRenderer(_store);

        var file = renderer.Render(ReportRenderer.Users, From, To, ExportFault.None);

        using var pdf = PdfDocument.Open(file.Content);
        var pages = pdf.GetPages().ToList();
        var users = _store.Users();
        var expected = users.Select((u, i) => new[]
        {
            (i + 1).ToString(CultureInfo.InvariantCulture), u.UserId, u.Name, u.Email ?? string.Empty, u.Phone,
            u.RegisteredAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), u.Tier, u.Points.ToString("N0", Indonesian),
            u.Coins.ToString("N0", Indonesian), u.Status,
        });
        var rows = pages.SelectMany(p => TableRows(p, UsersPdf.Margin, UsersPdf.Columns, keyColumn: 1)).ToList();
        Assert.Equal(expected, rows);
        Assert.All(pages, p => Assert.True(p.Width > p.Height));
        Assert.All(pages, p => Assert.EndsWith($"Halaman {p.Number} dari {pages.Count}", Lines(p)[^1], StringComparison.Ordinal));
        Assert.Contains(string.Join(" ", UserLabels), Lines(pages[0]));
        Assert.All(pages.Skip(1), p => Assert.DoesNotContain(Lines(p), l => l.Contains("ID User", StringComparison.Ordinal)));
        var (points, coins) = (users.Sum(u => u.Points).ToString("N0", Indonesian), users.Sum(u => u.Coins).ToString("N0", Indonesian));
        Assert.Contains($"Jumlah {points} {coins}", Lines(pages[^1]));
        Assert.Contains(users, u => u.Points >= 1_000);
        Assert.Contains("PDFsharp", pdf.Information.Producer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ReportRenderer.PointTransactions, "Keterangan", "Deskripsi")]
    [InlineData(ReportRenderer.Users, "Level", "Tier")]
    public void Render_RenamedColumn_PrintsTheOtherLabel(string export, string label, string renamed)
    {
        var renderer = new ReportRenderer(_store);

        var file = renderer.Render(export, From, To, ExportFault.RenamedColumn);

        using var pdf = PdfDocument.Open(file.Content);
        var words = pdf.GetPage(1).GetWords().Select(w => w.Text).ToList();
        Assert.Contains(renamed, words);
        Assert.DoesNotContain(label, words);
    }

    [Theory]
    [InlineData(ReportRenderer.PointTransactions, "Laporan Transaksi Poin Member")]
    [InlineData(ReportRenderer.Users, "Laporan Data Member Andalan ATK")]
    public void Render_Empty_HasTitleAndHeaderButNoRows(string export, string title)
    {
        var renderer = new ReportRenderer(_store);

        var file = renderer.Render(export, From, To, ExportFault.Empty);

        using var pdf = PdfDocument.Open(file.Content);
        var lines = Lines(pdf.GetPage(1));
        Assert.Equal(1, pdf.NumberOfPages);
        Assert.Contains(title, lines);
        Assert.Contains(lines, l => l.StartsWith("No ID", StringComparison.Ordinal));
        Assert.DoesNotMatch(RecordId(), Text(pdf.GetPage(1)));
        Assert.Contains(lines, l => l.EndsWith("Halaman 1 dari 1", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(ReportRenderer.PointTransactions)]
    [InlineData(ReportRenderer.Users)]
    public void Render_Corrupt_IsTheFileCutShortAndNoLongerOpens(string export)
    {
        var renderer = new ReportRenderer(_store);
        var whole = renderer.Render(export, From, To, ExportFault.None);

        var file = renderer.Render(export, From, To, ExportFault.Corrupt);

        // PDFsharp tags embedded font subsets with random letters, so only the length and the start repeat.
        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(file.Content, 0, 5), StringComparison.Ordinal);
        Assert.Equal(whole.Content.Length / 2, file.Content.Length);
        Assert.Equal(whole.Content[..1000], file.Content[..1000]);
        Assert.DoesNotContain("%%EOF", Encoding.ASCII.GetString(file.Content), StringComparison.Ordinal);
        Assert.ThrowsAny<Exception>(() =>
        {
            using var pdf = PdfDocument.Open(file.Content);
            _ = pdf.GetPages().Sum(p => p.Letters.Count);
        });
    }

    /// <summary>
    /// The table's data rows on a page: letters are put in a column by their x and in a row by the baseline of
    /// the row's key (its id, one line); a cell's lines are joined with one space. Bold text (titles, table
    /// header, the closing total) and the footer below the table are left out.
    /// </summary>
    private static List<string[]> TableRows(Page page, double margin, IReadOnlyList<PdfTableColumn> columns, int keyColumn)
    {
        var edges = Edges(margin, columns);
        var letters = page.Letters
            .Where(l => l.FontName?.Contains("Bold", StringComparison.Ordinal) != true && l.StartBaseLine.Y > 40).ToList();
        var anchors = letters.Where(l => Column(l, edges) == keyColumn)
            .GroupBy(l => Math.Round(l.StartBaseLine.Y, 1))
            .Where(g => RecordId().IsMatch(LineText([.. g.OrderBy(l => l.StartBaseLine.X)])))
            .Select(g => g.Key).OrderDescending().ToList();
        var rows = anchors.Select(_ => Enumerable.Range(0, columns.Count).Select(_ => new List<Letter>()).ToArray()).ToList();
        foreach (var letter in letters)
        {
            var row = anchors.FindLastIndex(a => a >= letter.StartBaseLine.Y - 0.5);
            var column = Column(letter, edges);
            if (row >= 0 && column >= 0)
            {
                rows[row][column].Add(letter);
            }
        }

        return rows.ConvertAll(cells => cells.Select(CellText).ToArray());
    }

    private static double[] Edges(double margin, IReadOnlyList<PdfTableColumn> columns)
    {
        var edges = new double[columns.Count + 1];
        edges[0] = margin;
        for (var i = 0; i < columns.Count; i++)
        {
            edges[i + 1] = edges[i] + columns[i].Width;
        }

        return edges;
    }

    private static int Column(Letter letter, double[] edges)
    {
        var x = letter.StartBaseLine.X + 0.1;

        return x < edges[0] || x >= edges[^1] ? -1 : Array.FindLastIndex(edges, e => e <= x);
    }

    private static string CellText(List<Letter> letters) => string.Join(" ", letters
        .GroupBy(l => Math.Round(l.StartBaseLine.Y, 1)).OrderByDescending(g => g.Key)
        .Select(line => Fold(LineText(line.OrderBy(l => l.StartBaseLine.X).ToList()))));

    /// <summary>A line's text; a gap wider than a fifth of the font size is a space even without a space glyph.</summary>
    private static string LineText(List<Letter> letters)
    {
        var text = new StringBuilder();
        for (var i = 0; i < letters.Count; i++)
        {
            if (i > 0 && letters[i].StartBaseLine.X - letters[i - 1].EndBaseLine.X > letters[i].PointSize / 5)
            {
                text.Append(' ');
            }

            text.Append(letters[i].Value);
        }

        return text.ToString();
    }

    private static List<string> Lines(Page page) => [.. page.Letters
        .GroupBy(l => Math.Round(l.StartBaseLine.Y, 0)).OrderByDescending(g => g.Key)
        .Select(line => Fold(LineText(line.OrderBy(l => l.StartBaseLine.X).ToList())))];

    private static string Text(Page page) => string.Join("\n", Lines(page));

    private static string Fold(string? text) =>
        string.Join(" ", (text ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [GeneratedRegex(@"^(PT[0-9]{7}|U[0-9]{6})$", RegexOptions.Multiline)]
    private static partial Regex RecordId();
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Andalan.Sandbox.Data;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Andalan.Sandbox.Reports;

/// <summary>
/// The users export, drawn with PDFsharp (a second producer, with its own text and font encoding): landscape
/// A4, only horizontal rules, the table header on the first page only, ISO dates, points and coins with
/// thousand dots, a closing "Jumlah" row and "Halaman X dari Y" at the foot of every page.
/// </summary>
internal static class UsersPdf
{
    public const string Title = "Laporan Data Member Andalan ATK";

    public const double Margin = 40;
    private const double FontSize = 8;
    private const double LineHeight = 10;
    private const double Padding = 3;
    private const double HeaderHeight = 16;
    private const double FooterTop = 555;
    private const int TierColumn = 6;

    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    public static readonly IReadOnlyList<PdfTableColumn> Columns =
    [
        new("No", 30, AlignRight: true), new("ID User", 60), new("Nama", 140), new("Email", 170), new("No. HP", 95),
        new("Tgl Daftar", 62), new("Level", 55), new("Total Poin", 55, AlignRight: true), new("Koin", 45, AlignRight: true),
        new("Status", 50),
    ];

    public static byte[] Write(IReadOnlyList<User> records, ReportLayout layout)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(layout);
        ReportFontResolver.Install();
        var regular = new XFont(ReportFontResolver.Family, FontSize, XFontStyleEx.Regular);
        var bold = new XFont(ReportFontResolver.Family, FontSize, XFontStyleEx.Bold);
        var fonts = new Dictionary<double, XFont> { [FontSize] = regular };

        using var measuring = XGraphics.CreateMeasureContext(
            new XSize(842, 595), XGraphicsUnit.Point, XPageDirection.Downwards);
        double Measure(string text, double size) => measuring.MeasureString(text, FontOf(fonts, size)).Width;

        var rows = new List<WrappedCell[]>(records.Count);
        for (var i = 0; i < records.Count; i++)
        {
            rows.Add([.. Cells(records[i], i + 1)
                .Select((text, c) => WrappedCell.Wrap(text, Columns[c].Width - (2 * Padding), FontSize, Measure))]);
        }

        var pages = Paginate(rows.ConvertAll(Height), records.Count > 0);

        using var document = new PdfDocument();
        document.Info.Title = Title;
        document.Info.Creator = "Andalan ATK Panel (PDFsharp)";

        // The same records printed at the same panel time give the same bytes: no wall clock, no random id.
        document.Info.CreationDate = layout.PrintedAt;
        document.Info.ModificationDate = layout.PrintedAt;
        var id = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(
            $"{Title}|{layout.PrintedAt:O}|{layout.Period.FileSuffix}|{records.Count}")), 0, 16);
        document.Internals.FirstDocumentID = id;
        document.Internals.SecondDocumentID = id;
        for (var p = 0; p < pages.Count; p++)
        {
            var page = document.AddPage();
            page.Size = PageSize.A4;
            page.Orientation = PageOrientation.Landscape;
            using var graphics = XGraphics.FromPdfPage(page);
            var y = Margin;
            if (p == 0)
            {
                y = DrawTitleAndHeader(graphics, layout, bold);
            }

            var (first, count) = pages[p];
            for (var r = first; r < first + count; r++)
            {
                DrawRow(graphics, y, rows[r], fonts);
                y += Height(rows[r]);
            }

            if (p == pages.Count - 1 && records.Count > 0)
            {
                DrawTotal(graphics, y, records, bold);
            }

            DrawFooter(graphics, p + 1, pages.Count, regular);
        }

        using var output = new MemoryStream();
        document.Save(output, closeStream: false);

        return output.ToArray();
    }

    /// <summary>The regular font at a size; cells whose longest word is too wide shrink theirs.</summary>
    private static XFont FontOf(Dictionary<double, XFont> fonts, double size)
    {
        if (!fonts.TryGetValue(size, out var font))
        {
            fonts[size] = font = new XFont(ReportFontResolver.Family, size, XFontStyleEx.Regular);
        }

        return font;
    }

    private static string[] Cells(User user, int number) =>
    [
        number.ToString(CultureInfo.InvariantCulture),
        user.UserId,
        user.Name,
        user.Email ?? string.Empty,
        user.Phone,
        user.RegisteredAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        user.Tier,
        user.Points.ToString("N0", Indonesian),
        user.Coins.ToString("N0", Indonesian),
        user.Status,
    ];

    private static double Height(WrappedCell[] cells) =>
        (Math.Max(1, cells.Max(c => c.Lines.Count)) * LineHeight) + (2 * Padding);

    /// <summary>Rows per page (first row, count); the last page keeps room for the "Jumlah" row.</summary>
    private static List<(int First, int Count)> Paginate(List<double> heights, bool withTotal)
    {
        var pages = new List<(int First, int Count)>();
        var (first, count) = (0, 0);
        var room = FooterTop - 10 - TableTop;
        for (var i = 0; i < heights.Count; i++)
        {
            var needed = heights[i] + (withTotal && i == heights.Count - 1 ? LineHeight + (2 * Padding) : 0);
            if (needed > room && count > 0)
            {
                pages.Add((first, count));
                (first, count) = (i, 0);
                room = FooterTop - 10 - Margin;
            }

            room -= heights[i];
            count++;
        }

        pages.Add((first, count));

        return pages;
    }

    private static double TableTop => 110 + HeaderHeight;

    private static double DrawTitleAndHeader(XGraphics graphics, ReportLayout layout, XFont bold)
    {
        var title = new XFont(ReportFontResolver.Family, 14, XFontStyleEx.Bold);
        var info = new XFont(ReportFontResolver.Family, 9, XFontStyleEx.Regular);
        graphics.DrawString(Title, title, XBrushes.Black, Margin, 56);
        var (date, time) = (layout.PrintedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            layout.PrintedAt.ToString("HH:mm", CultureInfo.InvariantCulture));
        graphics.DrawString($"Per tanggal: {date}", info, XBrushes.Black, Margin, 74);
        graphics.DrawString($"Dicetak: {date} {time}", info, XBrushes.Black, Margin, 88);

        var top = TableTop - HeaderHeight;
        var heavy = new XPen(XColors.Black, 1.2);
        graphics.DrawLine(heavy, Margin, top, Margin + TableWidth, top);
        var x = Margin;
        for (var c = 0; c < Columns.Count; c++)
        {
            var label = layout.RenamedColumn && c == TierColumn ? "Tier" : Columns[c].Label;
            var left = Columns[c].AlignRight
                ? x + Columns[c].Width - Padding - graphics.MeasureString(label, bold).Width
                : x + Padding;
            graphics.DrawString(label, bold, XBrushes.Black, left, top + 11);
            x += Columns[c].Width;
        }

        graphics.DrawLine(heavy, Margin, TableTop, Margin + TableWidth, TableTop);

        return TableTop;
    }

    private static void DrawRow(XGraphics graphics, double top, WrappedCell[] cells, Dictionary<double, XFont> fonts)
    {
        var x = Margin;
        for (var c = 0; c < Columns.Count; c++)
        {
            var cell = cells[c];
            for (var l = 0; l < cell.Lines.Count; l++)
            {
                var font = FontOf(fonts, cell.FontSize);
                var line = cell.Lines[l];
                var left = Columns[c].AlignRight
                    ? x + Columns[c].Width - Padding - graphics.MeasureString(line, font).Width
                    : x + Padding;
                graphics.DrawString(line, font, XBrushes.Black, left, top + Padding + 7.5 + (l * LineHeight));
            }

            x += Columns[c].Width;
        }

        var bottom = top + Height(cells);
        graphics.DrawLine(new XPen(XColors.Gray, 0.4), Margin, bottom, Margin + TableWidth, bottom);
    }

    private static void DrawTotal(XGraphics graphics, double top, IReadOnlyList<User> records, XFont bold)
    {
        var heavy = new XPen(XColors.Black, 1.2);
        graphics.DrawLine(heavy, Margin, top, Margin + TableWidth, top);
        var baseline = top + Padding + 7.5;
        graphics.DrawString("Jumlah", bold, XBrushes.Black, Margin + Columns[0].Width + Padding, baseline);
        var x = Margin + Columns.Take(7).Sum(c => c.Width);
        var totals = new[] { (Columns[7], records.Sum(u => u.Points)), (Columns[8], records.Sum(u => u.Coins)) };
        foreach (var (column, total) in totals)
        {
            var text = total.ToString("N0", Indonesian);
            var left = x + column.Width - Padding - graphics.MeasureString(text, bold).Width;
            graphics.DrawString(text, bold, XBrushes.Black, left, baseline);
            x += column.Width;
        }

        var bottom = top + LineHeight + (2 * Padding);
        graphics.DrawLine(heavy, Margin, bottom, Margin + TableWidth, bottom);
    }

    private static void DrawFooter(XGraphics graphics, int number, int total, XFont regular)
    {
        graphics.DrawLine(new XPen(XColors.Black, 0.6), Margin, FooterTop, Margin + TableWidth, FooterTop);
        graphics.DrawString("Andalan ATK - Data Member", regular, XBrushes.Black, Margin, FooterTop + 14);
        var text = $"Halaman {number} dari {total}";
        var left = Margin + TableWidth - graphics.MeasureString(text, regular).Width;
        graphics.DrawString(text, regular, XBrushes.Black, left, FooterTop + 14);
    }

    private static double TableWidth => Columns.Sum(c => c.Width);
}

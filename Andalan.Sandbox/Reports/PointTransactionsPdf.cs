using System.Globalization;
using Andalan.Sandbox.Data;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Tokens;
using UglyToad.PdfPig.Writer;

namespace Andalan.Sandbox.Reports;

/// <summary>
/// The point transactions export, drawn with PdfPig's document builder: portrait A4, positioned text in a table
/// with full grid lines, a page header on every page, the table header repeated on every page, the title and
/// period on page one, "Halaman X dari Y" at the foot, descriptions wrapped over several lines in their cell.
/// </summary>
internal static class PointTransactionsPdf
{
    public const string Title = "Laporan Transaksi Poin Member";
    public const string PageHeader = "Andalan ATK - Panel Admin";

    private const double A4Height = 842;
    public const double Margin = 36;
    private const double FontSize = 7;
    private const double LineHeight = 8.4;
    private const double Padding = 2.6;
    private const double HeaderHeight = 14;
    private const double BottomLimit = 46;
    private const int DescriptionColumn = 7;

    public static readonly IReadOnlyList<PdfTableColumn> Columns =
    [
        new("No", 22, AlignRight: true), new("ID", 44), new("Tanggal", 60), new("Nama User", 72), new("Email", 110),
        new("Tipe", 48), new("Poin", 30, AlignRight: true), new("Keterangan", 103), new("Saldo", 34, AlignRight: true),
    ];

    public static byte[] Write(IReadOnlyList<PointTransaction> records, ReportLayout layout)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(layout);
        using var builder = new PdfDocumentBuilder();
        builder.DocumentInformation.Title = Title;
        builder.DocumentInformation.Producer = "Andalan ATK Panel (PdfPig)";
        var regular = builder.AddStandard14Font(Standard14Font.Helvetica);
        var bold = builder.AddStandard14Font(Standard14Font.HelveticaBold);
        var metrics = new Standard14Widths();

        var rows = new List<(WrappedCell[] Cells, double Height)>(records.Count);
        for (var i = 0; i < records.Count; i++)
        {
            var cells = Cells(records[i], i + 1)
                .Select((text, c) => WrappedCell.Wrap(text, Columns[c].Width - (2 * Padding), FontSize, metrics.Regular))
                .ToArray();
            rows.Add((cells, (Math.Max(1, cells.Max(c => c.Lines.Count)) * LineHeight) + (2 * Padding)));
        }

        var pages = Paginate(rows.Select(r => r.Height).ToList());
        for (var p = 0; p < pages.Count; p++)
        {
            var page = builder.AddPage(PageSize.A4);
            var (top, fonts) = DrawFrame(page, layout, p + 1, pages.Count, regular, bold, metrics);
            var content = new PdfPigPageContent();
            var y = DrawHeader(page, content, top, layout, fonts.Bold, metrics);
            var (first, count) = pages[p];
            foreach (var (cells, height) in rows.Skip(first).Take(count))
            {
                DrawRow(content, y, height, cells, fonts.Regular, metrics);
                y -= height;
            }

            DrawColumnRules(content, top, y);
            content.WriteTo(page, 0.4);
        }

        return builder.Build();
    }

    private static string?[] Cells(PointTransaction record, int number) =>
    [
        number.ToString(CultureInfo.InvariantCulture),
        record.Id,
        record.CreatedAt.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture),
        record.UserName,
        record.UserEmail,
        record.Type,
        record.Points.ToString(CultureInfo.InvariantCulture),
        record.Description,
        record.Balance.ToString(CultureInfo.InvariantCulture),
    ];

    /// <summary>Splits the rows into pages: (first row, row count) each; at least one page, even with no rows.</summary>
    private static List<(int First, int Count)> Paginate(List<double> heights)
    {
        var pages = new List<(int First, int Count)>();
        var (first, count) = (0, 0);
        var room = TableTop(firstPage: true) - HeaderHeight - BottomLimit;
        for (var i = 0; i < heights.Count; i++)
        {
            if (heights[i] > room && count > 0)
            {
                pages.Add((first, count));
                (first, count) = (i, 0);
                room = TableTop(firstPage: false) - HeaderHeight - BottomLimit;
            }

            room -= heights[i];
            count++;
        }

        pages.Add((first, count));

        return pages;
    }

    private static double TableTop(bool firstPage) => A4Height - (firstPage ? 110 : 56);

    /// <summary>
    /// Draws what every page carries (page header, footer, and on page one the title); returns the table's top and
    /// the page's names for the two fonts, which the table's own text uses.
    /// </summary>
    private static (double Top, (NameToken Regular, NameToken Bold) Fonts) DrawFrame(
        PdfPageBuilder page, ReportLayout layout, int number, int total,
        PdfDocumentBuilder.AddedFont regular, PdfDocumentBuilder.AddedFont bold, Standard14Widths metrics)
    {
        var (width, height) = (page.PageSize.Width, page.PageSize.Height);
        page.AddText(PageHeader, 7.5, new PdfPoint(Margin, height - 30), bold);
        var boldName = PdfPigPageContent.FontOfLastText(page);
        var printed = $"Dicetak: {layout.PrintedAt.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture)}";
        page.AddText(printed, 7.5, new PdfPoint(width - Margin - metrics.Regular(printed, 7.5), height - 30), regular);
        var fonts = (PdfPigPageContent.FontOfLastText(page), boldName);
        page.DrawLine(new PdfPoint(Margin, height - 35), new PdfPoint(width - Margin, height - 35), 0.6);

        var footer = $"Halaman {number} dari {total}";
        page.DrawLine(new PdfPoint(Margin, 36), new PdfPoint(width - Margin, 36), 0.6);
        page.AddText(footer, 7.5, new PdfPoint((width - metrics.Regular(footer, 7.5)) / 2, 24), regular);
        if (number > 1)
        {
            return (TableTop(firstPage: false), fonts);
        }

        page.AddText(Title, 13, new PdfPoint(Margin, height - 62), bold);
        page.AddText(layout.Period.Line, 8.5, new PdfPoint(Margin, height - 78), regular);
        page.AddText("Semua cabang Andalan ATK", 8.5, new PdfPoint(Margin, height - 90), regular);

        return (TableTop(firstPage: true), fonts);
    }

    private static double DrawHeader(
        PdfPageBuilder page, PdfPigPageContent content, double top, ReportLayout layout, NameToken bold,
        Standard14Widths metrics)
    {
        page.SetTextAndFillColor(225, 225, 225);
        page.DrawRectangle(new PdfPoint(Margin, top - HeaderHeight), TableWidth, HeaderHeight, 0.5, fill: true);
        page.ResetColor();
        var x = Margin;
        for (var c = 0; c < Columns.Count; c++)
        {
            var label = layout.RenamedColumn && c == DescriptionColumn ? "Deskripsi" : Columns[c].Label;
            var left = Columns[c].AlignRight ? x + Columns[c].Width - Padding - metrics.Bold(label, FontSize) : x + Padding;
            content.Text(label, bold, FontSize, left, top - HeaderHeight + 4.5);
            x += Columns[c].Width;
        }

        content.Rule(Margin, top, Margin + TableWidth, top);
        content.Rule(Margin, top - HeaderHeight, Margin + TableWidth, top - HeaderHeight);

        return top - HeaderHeight;
    }

    private static void DrawRow(
        PdfPigPageContent content, double top, double height, WrappedCell[] cells, NameToken regular,
        Standard14Widths metrics)
    {
        var x = Margin;
        for (var c = 0; c < Columns.Count; c++)
        {
            var cell = cells[c];
            for (var l = 0; l < cell.Lines.Count; l++)
            {
                var line = cell.Lines[l];
                var left = Columns[c].AlignRight
                    ? x + Columns[c].Width - Padding - metrics.Regular(line, cell.FontSize)
                    : x + Padding;
                content.Text(line, regular, cell.FontSize, left, top - Padding - 5.6 - (l * LineHeight));
            }

            x += Columns[c].Width;
        }

        content.Rule(Margin, top - height, Margin + TableWidth, top - height);
    }

    /// <summary>Every column's sides, from the header's top to the last row's bottom: with the row rules, a grid.</summary>
    private static void DrawColumnRules(PdfPigPageContent content, double top, double bottom)
    {
        var x = Margin;
        content.Rule(x, top, x, bottom);
        foreach (var column in Columns)
        {
            x += column.Width;
            content.Rule(x, top, x, bottom);
        }
    }

    private static double TableWidth => Columns.Sum(c => c.Width);
}

using System.Globalization;
using Andalan.Sandbox.Data;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
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
        var metrics = new Standard14Widths(regular, bold);

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
            var top = DrawFrame(page, layout, p + 1, pages.Count, regular, bold, metrics);
            var y = DrawHeader(page, top, layout, bold, metrics);
            var (first, count) = pages[p];
            foreach (var (cells, height) in rows.Skip(first).Take(count))
            {
                DrawRow(page, y, height, cells, regular, metrics);
                y -= height;
            }
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

    /// <summary>Draws what every page carries (page header, footer, and on page one the title); returns the table's top.</summary>
    private static double DrawFrame(
        PdfPageBuilder page, ReportLayout layout, int number, int total,
        PdfDocumentBuilder.AddedFont regular, PdfDocumentBuilder.AddedFont bold, Standard14Widths metrics)
    {
        var (width, height) = (page.PageSize.Width, page.PageSize.Height);
        page.AddText(PageHeader, 7.5, new PdfPoint(Margin, height - 30), bold);
        var printed = $"Dicetak: {layout.PrintedAt.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture)}";
        page.AddText(printed, 7.5, new PdfPoint(width - Margin - metrics.Regular(printed, 7.5), height - 30), regular);
        page.DrawLine(new PdfPoint(Margin, height - 35), new PdfPoint(width - Margin, height - 35), 0.6);

        var footer = $"Halaman {number} dari {total}";
        page.DrawLine(new PdfPoint(Margin, 36), new PdfPoint(width - Margin, 36), 0.6);
        page.AddText(footer, 7.5, new PdfPoint((width - metrics.Regular(footer, 7.5)) / 2, 24), regular);
        if (number > 1)
        {
            return TableTop(firstPage: false);
        }

        page.AddText(Title, 13, new PdfPoint(Margin, height - 62), bold);
        page.AddText(layout.Period.Line, 8.5, new PdfPoint(Margin, height - 78), regular);
        page.AddText("Semua cabang Andalan ATK", 8.5, new PdfPoint(Margin, height - 90), regular);

        return TableTop(firstPage: true);
    }

    private static double DrawHeader(
        PdfPageBuilder page, double top, ReportLayout layout, PdfDocumentBuilder.AddedFont bold, Standard14Widths metrics)
    {
        page.SetTextAndFillColor(225, 225, 225);
        page.DrawRectangle(new PdfPoint(Margin, top - HeaderHeight), TableWidth, HeaderHeight, 0.5, fill: true);
        page.ResetColor();
        var x = Margin;
        for (var c = 0; c < Columns.Count; c++)
        {
            var label = layout.RenamedColumn && c == DescriptionColumn ? "Deskripsi" : Columns[c].Label;
            var left = Columns[c].AlignRight ? x + Columns[c].Width - Padding - metrics.Bold(label, FontSize) : x + Padding;
            page.AddText(label, FontSize, new PdfPoint(left, top - HeaderHeight + 4.5), bold);
            x += Columns[c].Width;
        }

        DrawGrid(page, top, HeaderHeight);

        return top - HeaderHeight;
    }

    private static void DrawRow(
        PdfPageBuilder page, double top, double height, WrappedCell[] cells, PdfDocumentBuilder.AddedFont regular,
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
                page.AddText(line, cell.FontSize, new PdfPoint(left, top - Padding - 5.6 - (l * LineHeight)), regular);
            }

            x += Columns[c].Width;
        }

        DrawGrid(page, top, height);
    }

    /// <summary>The rules around one row: its bottom line and every column's side.</summary>
    private static void DrawGrid(PdfPageBuilder page, double top, double height)
    {
        page.DrawLine(new PdfPoint(Margin, top), new PdfPoint(Margin + TableWidth, top), 0.4);
        page.DrawLine(new PdfPoint(Margin, top - height), new PdfPoint(Margin + TableWidth, top - height), 0.4);
        var x = Margin;
        page.DrawLine(new PdfPoint(x, top), new PdfPoint(x, top - height), 0.4);
        foreach (var column in Columns)
        {
            x += column.Width;
            page.DrawLine(new PdfPoint(x, top), new PdfPoint(x, top - height), 0.4);
        }
    }

    private static double TableWidth => Columns.Sum(c => c.Width);
}

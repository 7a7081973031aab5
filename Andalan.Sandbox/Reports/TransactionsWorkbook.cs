using System.Globalization;
using Andalan.Sandbox.Data;

namespace Andalan.Sandbox.Reports;

/// <summary>
/// The transactions export: a merged title row, a period line, a blank row, the header, one typed row per sale
/// (a real date, rupiah and points as numbers, the phone as text) and a closing "Total" row with SUM formulas.
/// </summary>
internal static class TransactionsWorkbook
{
    public const string Title = "Laporan Transaksi - Andalan ATK";
    public const int HeaderRow = 4;

    /// <summary>The panel's labels, "No" first; the schema's fields follow in its order.</summary>
    public static readonly IReadOnlyList<string> Labels =
    [
        "No", "No. Invoice", "Tanggal", "Nama Member", "No. HP", "Cabang", "Total Belanja", "Poin", "Metode Pembayaran",
        "Status",
    ];

    private const int AmountColumn = 6;
    private const int PointsColumn = 7;

    private static readonly double[] Widths = [6, 24, 17, 30, 17, 22, 17, 8, 20, 12];

    public static byte[] Write(IReadOnlyList<Transaction> records, ReportLayout layout)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(layout);
        using var output = new MemoryStream(64 + (records.Count * 160));
        using (var book = new StreamingWorkbook(output, "Transaksi", Widths, HeaderRow, layout.PrintedAt))
        {
            book.BeginRow(1);
            book.Text(0, Title, CellStyle.Title);
            book.BeginRow(2);
            var printed = layout.PrintedAt.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
            book.Text(0, $"{layout.Period.Line}    Dicetak: {printed}", CellStyle.Default);

            book.BeginRow(HeaderRow);
            for (var i = 0; i < Labels.Count; i++)
            {
                book.Text(i, layout.RenamedColumn && i == AmountColumn ? "Total Transaksi" : Labels[i], CellStyle.Header);
            }

            var (amount, points) = (0L, 0L);
            for (var i = 0; i < records.Count; i++)
            {
                var sale = records[i];
                book.BeginRow(HeaderRow + 1 + i);
                book.Number(0, i + 1, CellStyle.General);
                book.Text(1, sale.InvoiceNo, CellStyle.General);
                book.Date(2, sale.At, CellStyle.DateTime);
                book.Text(3, sale.MemberName, CellStyle.General);
                book.Text(4, sale.MemberPhone, CellStyle.Text);
                book.Text(5, sale.Store, CellStyle.General);
                book.Number(AmountColumn, sale.TotalAmount, CellStyle.Rupiah);
                book.Number(PointsColumn, sale.PointsEarned, CellStyle.Integer);
                book.Text(8, sale.PaymentMethod, CellStyle.General);
                book.Text(9, sale.Status, CellStyle.General);
                amount += sale.TotalAmount;
                points += sale.PointsEarned;
            }

            var merged = new List<string> { "A1:J1", "A2:J2" };
            if (records.Count > 0)
            {
                var (first, last) = (HeaderRow + 1, HeaderRow + records.Count);
                book.BeginRow(last + 1);
                book.Text(0, "Total", CellStyle.TotalLabel);
                book.Formula(AmountColumn, Sum(AmountColumn, first, last), amount, CellStyle.TotalRupiah);
                book.Formula(PointsColumn, Sum(PointsColumn, first, last), points, CellStyle.TotalInteger);
                merged.Add($"A{last + 1}:F{last + 1}");
            }

            book.Finish(merged);
        }

        return output.ToArray();
    }

    private static string Sum(int column, int first, int last)
    {
        var name = StreamingWorkbook.ColumnName(column);

        return string.Create(CultureInfo.InvariantCulture, $"SUM({name}{first}:{name}{last})");
    }
}

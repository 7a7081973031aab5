// Writes transactions_closedxml.xlsx and its expected records: the way a .NET panel exports with ClosedXML, with
// a merged title, a period line, a blank row, typed numbers, real Excel dates, a blank row inside the data, text
// that looks like a formula, and a closing Grand Total row with a SUM formula.
// Run: dotnet run --project Andalan.Functions.Tests/Fixtures/Generators/ClosedXmlWorkbook -- OUTDIR
using System.Globalization;
using System.Text;
using ClosedXML.Excel;

var folder = args.Length > 0 ? args[0] : ".";
var random = new Random(31);
string[] names = ["Budi Santoso", "Siti Rahayu", "=1+1", "Agus Wijaya", "@admin", "Dewi Lestari", "+62 Putri"];
string[] stores = ["Bandung Dago", "Jakarta Selatan", "Surabaya"];
string[] methods = ["Tunai", "QRIS", "Transfer Bank"];
string[] statuses = ["Selesai", "Pending", "Dibatalkan"];

using var workbook = new XLWorkbook();
var sheet = workbook.AddWorksheet("Transaksi");
sheet.Cell(1, 1).Value = "Laporan Transaksi Andalan ATK";
sheet.Range(1, 1, 1, 10).Merge().Style.Font.SetBold(true);
sheet.Cell(2, 1).Value = "Periode: 08/09/2025 - 14/09/2025";
string[] labels = ["No", "No. Invoice", "Tanggal", "Nama Member", "No. HP", "Cabang", "Total Belanja", "Poin",
    "Metode Pembayaran", "Status"];
for (var c = 0; c < labels.Length; c++)
{
    sheet.Cell(4, c + 1).Value = labels[c];
}

var expected = new StringBuilder(
    "invoice_no,transaction_at,member_name,member_phone,store,total_amount,points_earned,payment_method,status\r\n");
var row = 5;
var start = new DateTime(2025, 9, 8, 8, 0, 0);
for (var i = 0; i < 30; i++)
{
    if (i == 12)
    {
        row++;
    }

    var at = start.AddMinutes(random.Next(0, 60 * 24 * 7));
    var amount = random.Next(1, 400) * 2500;
    var points = amount / 10000;
    var status = statuses[random.Next(statuses.Length)];
    points = status == "Dibatalkan" ? -points : points;
    var invoice = $"TRX-{20250900 + i}";
    var name = names[random.Next(names.Length)];
    var phone = "0812" + random.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);
    var store = stores[random.Next(stores.Length)];
    var method = methods[random.Next(methods.Length)];

    sheet.Cell(row, 1).Value = i + 1;
    sheet.Cell(row, 2).SetValue(invoice);
    sheet.Cell(row, 3).SetValue(at);
    sheet.Cell(row, 3).Style.DateFormat.Format = "dd/MM/yyyy HH:mm";
    sheet.Cell(row, 4).SetValue(name);
    sheet.Cell(row, 5).SetValue(phone);
    sheet.Cell(row, 6).SetValue(store);
    sheet.Cell(row, 7).SetValue(amount);
    sheet.Cell(row, 7).Style.NumberFormat.Format = "#,##0";
    sheet.Cell(row, 8).SetValue(points);
    sheet.Cell(row, 9).SetValue(method);
    sheet.Cell(row, 10).SetValue(status);
    expected.Append(CultureInfo.InvariantCulture,
        $"{invoice},{at:yyyy-MM-dd'T'HH:mm:ss},{name},{phone},{store},{amount},{points},{method},{status}\r\n");
    row++;
}

sheet.Cell(row, 1).Value = "Grand Total";
sheet.Cell(row, 7).FormulaA1 = $"SUM(G5:G{row - 1})";
workbook.SaveAs(Path.Combine(folder, "transactions_closedxml.xlsx"));
File.WriteAllText(Path.Combine(folder, "transactions_closedxml.expected.csv"), expected.ToString());

using System.Globalization;
using Andalan.Sandbox.Data;

namespace Andalan.Sandbox.Panel;

/// <summary>The panel's four report pages, in the sidebar's order.</summary>
internal static class PanelReports
{
    /// <summary>The coin payments data endpoint's columns: JSON key and the label the PDF prints.</summary>
    /// <remarks>Declared first: static fields initialise in order, and the coin payments page reads these.</remarks>
    public static readonly IReadOnlyList<(string Key, string Label)> CoinPaymentColumns =
    [
        ("payment_id", "ID Pembayaran"),
        ("paid_at", "Tanggal"),
        ("user_name", "Nama User"),
        ("invoice_no", "No. Invoice"),
        ("coins", "Koin"),
        ("amount", "Nominal"),
        ("status", "Status"),
    ];

    public static readonly PanelReport Transactions = new()
    {
        Slug = "transactions",
        ExportName = "transactions",
        Title = "Laporan Transaksi",
        MenuLabel = "Transaksi",
        HasDateFilter = true,
        ExportsInBrowser = false,
        Columns =
        [
            "No. Invoice", "Tanggal", "Nama Member", "No. HP", "Cabang", "Total Belanja", "Poin",
            "Metode Pembayaran", "Status",
        ],
        Rows = (store, window) => PreviewRows.NewestFirst(
            store.Transactions(window?.From, window?.To),
            t => [
                t.InvoiceNo, PanelFormat.DateTime(t.At), t.MemberName, t.MemberPhone, t.Store,
                PanelFormat.Rupiah(t.TotalAmount), PanelFormat.Number(t.PointsEarned), t.PaymentMethod, t.Status,
            ]),
    };

    public static readonly PanelReport PointTransactions = new()
    {
        Slug = "point-transactions",
        ExportName = "point_transactions",
        Title = "Laporan Transaksi Poin",
        MenuLabel = "Transaksi Poin",
        HasDateFilter = true,
        ExportsInBrowser = false,
        Columns = ["ID", "Tanggal", "Nama User", "Email", "Tipe", "Poin", "Keterangan", "Saldo"],
        Rows = (store, window) => PreviewRows.NewestFirst(
            store.PointTransactions(window?.From, window?.To),
            p => [
                p.Id, PanelFormat.DateTime(p.CreatedAt), p.UserName, p.UserEmail ?? string.Empty, p.Type,
                PanelFormat.Number(p.Points), p.Description ?? string.Empty, PanelFormat.Number(p.Balance),
            ]),
    };

    public static readonly PanelReport Users = new()
    {
        Slug = "users",
        ExportName = "users",
        Title = "Data User",
        MenuLabel = "User",
        HasDateFilter = false,
        ExportsInBrowser = false,
        Columns = ["ID User", "Nama", "Email", "No. HP", "Tgl Daftar", "Level", "Total Poin", "Koin", "Status"],
        Rows = (store, _) => PreviewRows.InOrder(
            store.Users(),
            u => [
                u.UserId, u.Name, u.Email ?? string.Empty, u.Phone, PanelFormat.Date(u.RegisteredAt), u.Tier,
                PanelFormat.Number(u.Points), PanelFormat.Number(u.Coins), u.Status,
            ]),
    };

    public static readonly PanelReport CoinPayments = new()
    {
        Slug = "coin-payments",
        ExportName = "coin_payments",
        Title = "Laporan Pembayaran Koin",
        MenuLabel = "Pembayaran Koin",
        HasDateFilter = true,
        ExportsInBrowser = true,
        Columns = CoinPaymentColumns.Select(c => c.Label).ToArray(),
        Rows = (store, window) => PreviewRows.NewestFirst(
            store.CoinPayments(window?.From, window?.To),
            c => [
                c.PaymentId, PanelFormat.DateTime(c.PaidAt), c.UserName, c.InvoiceNo, PanelFormat.Number(c.Coins),
                PanelFormat.Rupiah(c.Amount), c.Status,
            ]),
    };

    public static readonly IReadOnlyList<PanelReport> All = [Transactions, PointTransactions, Users, CoinPayments];

    public static PanelReport? Find(string slug) =>
        All.FirstOrDefault(r => string.Equals(r.Slug, slug, StringComparison.Ordinal));

    /// <summary>Laravel casts decimal columns to strings with two places; the page script parses them back.</summary>
    public static string DecimalText(long amount) =>
        amount.ToString(CultureInfo.InvariantCulture) + ".00";
}

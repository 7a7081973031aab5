using Andalan.Sandbox.Data;

namespace Andalan.Sandbox.Panel;

/// <summary>The dashboard: today's sales and how many records each report holds.</summary>
internal static class PanelDashboard
{
    public static IResult Show(HttpContext context, PanelStore store)
    {
        var session = RequirePanelSession.Of(context);
        var today = DateOnly.FromDateTime(store.Now);
        var todaysSales = store.Transactions(today, today);
        var cards = new[]
        {
            Card("Transaksi hari ini", PanelFormat.Number(todaysSales.Count), PanelReports.Transactions.Path),
            Card("Penjualan hari ini", PanelFormat.Rupiah(todaysSales.Sum(t => t.TotalAmount)),
                PanelReports.Transactions.Path),
            Card("Total transaksi", PanelFormat.Number(store.Transactions(null, null).Count),
                PanelReports.Transactions.Path),
            Card("Transaksi poin", PanelFormat.Number(store.PointTransactions(null, null).Count),
                PanelReports.PointTransactions.Path),
            Card("User terdaftar", PanelFormat.Number(store.Users().Count), PanelReports.Users.Path),
            Card("Pembayaran koin", PanelFormat.Number(store.CoinPayments(null, null).Count),
                PanelReports.CoinPayments.Path),
        };
        var content = $$"""
                <h1 class="page-heading">Dashboard</h1>
                <p class="text-muted">Selamat datang, {{PanelHtml.Encode(session.UserEmail)}}.
                Data per {{PanelFormat.DateTime(store.Now)}} WIB.</p>
                <div class="stat-grid">
                {{string.Join("\n", cards)}}
                </div>
            """;

        return PanelHtml.Page(PanelHtml.Layout("Dashboard", content, session, "/dashboard"));
    }

    private static string Card(string label, string value, string link) =>
        $"""
            <a class="stat-card" href="{PanelHtml.Encode(link)}">
              <span class="stat-value">{PanelHtml.Encode(value)}</span>
              <span class="stat-label">{PanelHtml.Encode(label)}</span>
            </a>
        """;
}

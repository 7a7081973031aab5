using System.Text;
using Andalan.Sandbox.Data;
using Andalan.Sandbox.Faults;

namespace Andalan.Sandbox.Panel;

/// <summary>The dashboard: today's sales and how many records each report holds.</summary>
internal static class PanelDashboard
{
    /// <summary>The image a dashboard stalled by <see cref="DashboardStall.Image"/> waits for.</summary>
    public const string StalledImagePath = "/assets/banner-stalled.png";

    public static IResult Show(HttpContext context, PanelStore store, FaultSwitches faults)
    {
        ArgumentNullException.ThrowIfNull(faults);
        var stall = faults.Panel.TakeDashboardStall();
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
                {{(stall == DashboardStall.Image ? $"<img alt=\"\" src=\"{StalledImagePath}\">" : string.Empty)}}
            """;
        var html = PanelHtml.Layout("Dashboard", content, session, "/dashboard");

        return stall == DashboardStall.Document
            ? new StalledPage(html, faults.Panel.DashboardStallTime)
            : PanelHtml.Page(html);
    }

    /// <summary>The stalled dashboard's image: a 1x1 GIF after the stall time.</summary>
    public static async Task<IResult> StalledImage(FaultSwitches faults, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(faults);
        await Task.Delay(faults.Panel.DashboardStallTime, cancellationToken);

        return Results.Bytes(Convert.FromBase64String("R0lGODlhAQABAAAAACwAAAAAAQABAAA="), "image/gif");
    }

    /// <summary>A page whose first half is sent at once and whose rest follows after a pause.</summary>
    private sealed class StalledPage(string html, TimeSpan pause) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.ContentType = "text/html; charset=utf-8";
            var bytes = Encoding.UTF8.GetBytes(html);
            var half = bytes.Length / 2;
            await response.Body.WriteAsync(bytes.AsMemory(0, half), httpContext.RequestAborted);
            await response.Body.FlushAsync(httpContext.RequestAborted);
            await Task.Delay(pause, httpContext.RequestAborted);
            await response.Body.WriteAsync(bytes.AsMemory(half), httpContext.RequestAborted);
        }
    }

    private static string Card(string label, string value, string link) =>
        $"""
            <a class="stat-card" href="{PanelHtml.Encode(link)}">
              <span class="stat-value">{PanelHtml.Encode(value)}</span>
              <span class="stat-label">{PanelHtml.Encode(label)}</span>
            </a>
        """;
}

using System.Text;
using Andalan.Functions.Storage;
using static Andalan.Functions.Dashboard.DashboardText;

namespace Andalan.Functions.Dashboard;

/// <summary>
/// The operators' run dashboard as one self-contained HTML page, in Indonesian like their messages: the recent
/// runs with status, duration and per-export counts; per export, rows and duration per run over the last 30
/// days as inline SVG; a failed run's errors, retries and archived files behind a &lt;details&gt;; a start
/// button. No script, no outside font, stylesheet or image: it works as a static file too. Every value from
/// the history is HTML-escaped.
/// </summary>
public static class DashboardPage
{
    /// <summary>How many runs the table lists.</summary>
    public const int TableRuns = 30;

    /// <summary>How far back the charts go.</summary>
    public static readonly TimeSpan ChartWindow = TimeSpan.FromDays(30);

    /// <summary>What the page allows the browser: its own inline styles, links and a form back to itself.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; base-uri 'none'";

    private const string Styles = """
        body{font-family:system-ui,sans-serif;margin:1.5rem auto;max-width:72rem;padding:0 1rem;color:#1d2430}
        h1{font-size:1.5rem;margin:0 0 .25rem}h2{font-size:1.15rem;margin:2rem 0 .5rem}
        h3{font-size:1rem;margin:.75rem 0 .25rem}.muted{color:#5b6573}
        .notice{padding:.6rem .9rem;border-radius:.3rem;margin:1rem 0}
        .notice.ok{background:#e4f5e8;border:1px solid #8fcf9c}.notice.problem{background:#fdeaea;border:1px solid #e39a9a}
        .current{background:#eef3fb;border:1px solid #9db6dc;padding:.6rem .9rem;border-radius:.3rem}
        form.start{margin:1rem 0;display:flex;gap:1rem;align-items:center}
        form.start button{font-size:1rem;padding:.45rem 1rem;cursor:pointer}
        table{border-collapse:collapse;width:100%}th,td{text-align:left;vertical-align:top;padding:.4rem .5rem}
        thead th{border-bottom:2px solid #c9d0da}tbody.run td{border-top:1px solid #e1e5eb}
        td.num{text-align:right;white-space:nowrap}code{font-size:.9em}
        tbody.run td:first-child code{white-space:nowrap}
        .status{font-weight:600;white-space:nowrap}.status.Succeeded{color:#19703a}.status.Failed{color:#b42318}
        .status.PartlyFailed{color:#b54708}.status.Running{color:#2859a8}
        ul.exports{list-style:none;margin:0;padding:0}ul.exports li.failed{color:#b42318}
        details{margin:.1rem 0 .6rem}summary{cursor:pointer;color:#b42318;font-weight:600}
        details.recovered summary{color:#5b6573}
        .failure{border-left:3px solid #e39a9a;padding-left:.75rem;margin:.5rem 0}
        .error{white-space:pre-wrap;font-family:ui-monospace,monospace;background:#fbf3f3;padding:.4rem;margin:.25rem 0}
        .charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(33rem,1fr));gap:1rem}
        figure{margin:0;border:1px solid #e1e5eb;border-radius:.3rem;padding:.5rem}figcaption{font-weight:600}
        svg.chart{max-width:100%;height:auto;font-size:11px;fill:#5b6573}
        svg .axis{stroke:#9aa4b2}svg .grid{stroke:#e1e5eb;stroke-dasharray:3 3}
        svg .line{fill:none;stroke:#2859a8;stroke-width:1.5}svg.duration .line{stroke:#7a4cc2}
        svg .point{fill:#2859a8}svg.duration .point{fill:#7a4cc2}svg .point.failed{fill:#d92d20}
        footer{margin-top:2rem;font-size:.85rem}
        """;

    public static string Render(DashboardView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var html = new StringBuilder(32 * 1024);
        html.Append("<!doctype html>\n<html lang=\"id\"><head><meta charset=\"utf-8\">")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"").Append(ContentSecurityPolicy).Append("\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<meta name=\"robots\" content=\"noindex\">")
            .Append("<title>Dasbor ekspor Andalan</title><style>").Append(Styles).Append("</style></head><body>")
            .Append("<header><h1>Dasbor ekspor Andalan</h1><p class=\"muted\">Per ").Append(Html(Time(view.Now)))
            .Append(" · ").Append(Number(view.Runs.Count)).Append(" run dalam riwayat yang dibaca</p></header>");

        WriteNotice(html, view);
        WriteStart(html, view);
        WriteRuns(html, view);
        WriteCharts(html, view);

        if (view.Footer is { Length: > 0 } footer)
        {
            html.Append("<footer class=\"muted\">").Append(Html(footer)).Append("</footer>");
        }

        html.Append("</body></html>\n");

        return html.ToString();
    }

    /// <summary>How a run's status reads.</summary>
    public static string StatusText(RunStatus status) => status switch
    {
        RunStatus.Succeeded => "berhasil",
        RunStatus.PartlyFailed => "sebagian gagal",
        RunStatus.Failed => "gagal",
        _ => "berjalan",
    };

    private static void WriteNotice(StringBuilder html, DashboardView view)
    {
        if (view.Notice is { } notice)
        {
            html.Append("<p class=\"notice ").Append(notice.Ok ? "ok" : "problem").Append("\" role=\"status\">")
                .Append(Html(notice.Text)).Append("</p>");
        }

        if (view.Current is { } current)
        {
            html.Append("<p class=\"current\">Run <code>").Append(Html(current.RunId)).Append("</code> sedang berjalan: ")
                .Append(Number(current.Done)).Append(" dari ").Append(Number(current.Total)).Append(" ekspor selesai (")
                .Append(Html(current.Current)).Append(").</p>");
        }
    }

    private static void WriteStart(StringBuilder html, DashboardView view)
    {
        if (view.StartAction is null)
        {
            html.Append("<p class=\"muted\">Halaman ini dibuat dari riwayat run; tombol untuk memulai run ada di ")
                .Append("dasbor aplikasi fungsi (<code>/api/dashboard</code>).</p>");

            return;
        }

        html.Append("<form class=\"start\" method=\"post\" action=\"").Append(Html(view.StartAction)).Append("\">")
            .Append("<button type=\"submit\">Jalankan sekarang</button>")
            .Append("<label><input type=\"checkbox\" name=\"dryRun\" value=\"true\"> uji coba (sheet tidak ditulis)</label>")
            .Append("<span class=\"muted\">Run tidak pernah tumpang tindih: selama satu run berjalan, ")
            .Append("permintaan baru ditolak.</span></form>");
    }

    private static void WriteRuns(StringBuilder html, DashboardView view)
    {
        html.Append("<h2>Run terbaru</h2>");
        if (view.Runs.Count == 0)
        {
            html.Append("<p class=\"empty\">Belum ada run dalam riwayat.</p>");

            return;
        }

        html.Append("<table class=\"runs\"><thead><tr><th>Run</th><th>Mulai</th><th>Pemicu</th><th>Status</th>")
            .Append("<th>Durasi</th><th>Ekspor</th></tr></thead>");
        foreach (var run in view.Runs.Take(TableRuns))
        {
            WriteRun(html, view, run);
        }

        html.Append("</table>");
    }

    private static void WriteRun(StringBuilder html, DashboardView view, RunRecord run)
    {
        var exports = run.Exports ?? [];
        html.Append("<tbody class=\"run\" data-run=\"").Append(Html(run.RunId)).Append("\"><tr>")
            .Append("<td><code>").Append(Html(run.RunId)).Append("</code>")
            .Append(run.DryRun ? " <span class=\"muted\">(uji coba)</span>" : string.Empty).Append("</td>")
            .Append("<td>").Append(Html(Time(run.StartedAt))).Append("</td>")
            .Append("<td>").Append(Html(run.Trigger)).Append("</td>")
            .Append("<td class=\"status ").Append(run.Status).Append("\">").Append(StatusText(run.Status)).Append("</td>")
            .Append("<td class=\"num\">").Append(run.Duration is { } d ? Html(Duration(d)) : "—").Append("</td><td>");
        if (exports.Count == 0)
        {
            html.Append("<span class=\"muted\">—</span>");
        }
        else
        {
            html.Append("<ul class=\"exports\">");
            foreach (var export in exports)
            {
                WriteExportLine(html, export);
            }

            html.Append("</ul>");
        }

        html.Append("</td></tr>");
        var troubled = exports.Where(e => !e.Succeeded || e.Retries is { Count: > 0 }).ToList();
        if (troubled.Count > 0)
        {
            html.Append("<tr class=\"detail\"><td colspan=\"6\">");
            WriteDetails(html, view, run, troubled);
            html.Append("</td></tr>");
        }

        html.Append("</tbody>");
    }

    private static void WriteExportLine(StringBuilder html, RunExportRecord export)
    {
        html.Append("<li class=\"").Append(export.Succeeded ? "ok" : "failed").Append("\" data-export=\"")
            .Append(Html(export.Export)).Append("\">").Append(export.Succeeded ? "✓ " : "✗ ")
            .Append("<b>").Append(Html(export.Export)).Append("</b>: ");
        if (export.Succeeded)
        {
            html.Append(Number(export.RowsRead)).Append(" dibaca · ").Append(Number(export.NewRows)).Append(" baru · ")
                .Append(Number(export.Updated)).Append(" diperbarui · ").Append(Number(export.Unchanged))
                .Append(" tetap · ").Append(Number(export.Rejected)).Append(" ditolak");
            if (export.Attempts > 1)
            {
                html.Append(" (pulih pada percobaan ke-").Append(Number(export.Attempts)).Append(')');
            }
        }
        else
        {
            html.Append("gagal setelah ").Append(Number(export.Attempts)).Append(" percobaan");
        }

        html.Append(" · ").Append(Html(Duration(export.Duration))).Append("</li>");
    }

    private static void WriteDetails(
        StringBuilder html, DashboardView view, RunRecord run, IReadOnlyList<RunExportRecord> troubled)
    {
        var failed = troubled.Count(e => !e.Succeeded);
        html.Append("<details class=\"").Append(failed > 0 ? "failed" : "recovered").Append("\"><summary>")
            .Append(failed > 0
                ? $"Kesalahan ({Number(failed)} ekspor gagal): pesan, riwayat percobaan, berkas"
                : "Riwayat percobaan (pulih)")
            .Append("</summary>");
        if (run.ExportsTruncated)
        {
            html.Append("<p class=\"muted\">Pesan kesalahan run ini dipendekkan agar muat di tabel riwayat.</p>");
        }

        foreach (var export in troubled)
        {
            html.Append("<section class=\"failure\" data-export=\"").Append(Html(export.Export)).Append("\"><h3>")
                .Append(Html(export.Export)).Append(export.Succeeded ? " (pulih)" : " (gagal)").Append("</h3>");
            if (!export.Succeeded)
            {
                html.Append("<p class=\"error\">").Append(Html(export.Error ?? "tidak diketahui")).Append("</p>");
            }

            if (export.Retries is { Count: > 0 } retries)
            {
                html.Append("<ol class=\"retries\">");
                foreach (var attempt in retries)
                {
                    html.Append("<li>").Append(attempt.Step == "download" ? "unduh" : attempt.Step == "import" ? "impor"
                            : Html(attempt.Step))
                        .Append(", percobaan ke-").Append(Number(attempt.Attempt)).Append(": ").Append(Html(attempt.Error))
                        .Append(attempt.RetryFollows ? " — dicoba lagi" : " — tidak dicoba lagi").Append("</li>");
                }

                html.Append("</ol>");
            }

            var evidence = export.Evidence ?? [];
            var archived = (export.Files ?? []).Where(f => !evidence.Contains(f, StringComparer.Ordinal)).ToList();
            WriteFiles(html, view, "Berkas arsip", archived);
            WriteFiles(html, view, "Bukti kegagalan", evidence);
            html.Append("</section>");
        }

        html.Append("</details>");
    }

    private static void WriteFiles(StringBuilder html, DashboardView view, string caption, IReadOnlyList<string> files)
    {
        if (files.Count == 0)
        {
            return;
        }

        html.Append("<p class=\"files\">").Append(caption).Append(": ");
        for (var i = 0; i < files.Count; i++)
        {
            html.Append(i > 0 ? ", " : string.Empty);
            var name = files[i];
            if (view.FileLink?.Invoke(name) is { } href)
            {
                html.Append("<a href=\"").Append(Html(href)).Append("\">").Append(Html(name)).Append("</a>");
            }
            else
            {
                html.Append("<code>").Append(Html(name)).Append("</code>");
            }
        }

        if (view.FileLink is null)
        {
            html.Append(" <span class=\"muted\">(di kontainer arsip)</span>");
        }

        html.Append("</p>");
    }

    private static void WriteCharts(StringBuilder html, DashboardView view)
    {
        var from = view.Now - ChartWindow;
        var runs = view.Runs
            .Where(r => r.StartedAt >= from && r.StartedAt <= view.Now && r.Exports is { Count: > 0 })
            .OrderBy(r => r.StartedAt)
            .ToList();
        var names = runs.SelectMany(r => r.Exports!.Select(e => e.Export)).Distinct(StringComparer.Ordinal).ToList();

        html.Append("<h2>Per ekspor, 30 hari terakhir</h2>");
        if (names.Count == 0)
        {
            html.Append("<p class=\"empty\">Belum ada run dalam 30 hari terakhir.</p>");

            return;
        }

        html.Append("<div class=\"charts\">");
        foreach (var name in names)
        {
            var outcomes = runs
                .SelectMany(r => r.Exports!.Where(e => e.Export == name).Select(e => (Run: r, Export: e)))
                .ToList();
            var rows = outcomes.Select(o => new ChartPoint(
                o.Run.RunId, o.Run.StartedAt, o.Export.Succeeded ? o.Export.RowsRead : 0, !o.Export.Succeeded,
                $"{o.Run.RunId} · {Time(o.Run.StartedAt)} · " +
                (o.Export.Succeeded ? $"{Number(o.Export.RowsRead)} baris" : "gagal"))).ToList();
            var durations = outcomes.Select(o => new ChartPoint(
                o.Run.RunId, o.Run.StartedAt, Math.Round(o.Export.Duration.TotalSeconds, 1), !o.Export.Succeeded,
                $"{o.Run.RunId} · {Time(o.Run.StartedAt)} · {Duration(o.Export.Duration)}" +
                (o.Export.Succeeded ? string.Empty : " · gagal"))).ToList();

            html.Append("<figure class=\"export-charts\" data-export=\"").Append(Html(name)).Append("\"><figcaption>")
                .Append(Html(name)).Append(" <span class=\"muted\">(").Append(Number(outcomes.Count)).Append(" run, ")
                .Append(Number(outcomes.Count(o => !o.Export.Succeeded))).Append(" gagal)</span></figcaption>");
            DashboardChart.Write(html, $"Baris dibaca per run: {name}", "rows", rows, from, view.Now, v => Number((long)v));
            DashboardChart.Write(html, $"Durasi per run: {name}", "duration", durations, from, view.Now, Seconds);
            html.Append("</figure>");
        }

        html.Append("</div>");
    }
}

using System.Globalization;
using System.Text;
using Andalan.Sandbox.Data;

namespace Andalan.Sandbox.Panel;

/// <summary>A report page: the date filter, the export control and a paginated preview of the records.</summary>
internal static class PanelReportPage
{
    public const int PageSize = 25;

    /// <summary>Where the export script reports a failure, and the scripts that build the file in the browser.</summary>
    private const string BrowserExport = """
        <div id="export-error" class="alert alert-danger" role="alert" hidden></div>
        <script src="/js/pdf-writer.js"></script>
        <script src="/js/coin-payments-export.js"></script>

        """;

    public static IResult Show(string slug, HttpContext context, PanelStore store)
    {
        var report = PanelReports.Find(slug);
        if (report is null)
        {
            return PanelHtml.NotFound();
        }

        var session = RequirePanelSession.Of(context);
        string? error = null;
        DateWindow? window = report.HasDateFilter
            ? DateWindow.Parse(context.Request.Query, DateOnly.FromDateTime(store.Now), out error)
            : null;
        var rows = report.Rows(store, window);
        var lastPage = Math.Max(1, (rows.Count + PageSize - 1) / PageSize);
        var asked = context.Request.Query["page"];
        var page = int.TryParse(asked, NumberStyles.None, CultureInfo.InvariantCulture, out var p)
            ? Math.Clamp(p, 1, lastPage)
            : 1;

        var content = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<h1 class=\"page-heading\">{PanelHtml.Encode(report.Title)}</h1>\n")
            .Append("<div class=\"card\">\n<div class=\"card-header\">\n")
            .Append(window is { } applied ? Filter(report, applied) : "<div></div>")
            .Append(ExportControl(report, window))
            .Append("</div>\n<div class=\"card-body\">\n")
            .Append(report.ExportsInBrowser ? BrowserExport : string.Empty)
            .Append(error is null ? string.Empty : Alert(error))
            .Append(window is { } period ? Period(period) : string.Empty)
            .Append(Table(report, rows, page))
            .Append(Pagination(report, window, rows.Count, page, lastPage))
            .Append("</div>\n</div>\n");

        return PanelHtml.Page(PanelHtml.Layout(report.Title, content.ToString(), session, report.Path));
    }

    private static string Alert(string error) =>
        $"<div class=\"alert alert-danger\" role=\"alert\">{PanelHtml.Encode(error)}</div>\n";

    private static string Period(DateWindow window) =>
        $"<p class=\"text-muted period\">Periode: {PanelFormat.Date(window.From)} s/d " +
        $"{PanelFormat.Date(window.To)}</p>\n";

    private static string Filter(PanelReport report, DateWindow window) =>
        $$"""
        <form id="filter-form" method="get" action="{{report.Path}}" class="filter-form">
          <label>Dari tanggal <input type="date" name="date_from" value="{{PanelFormat.Iso(window.From)}}"></label>
          <label>Sampai tanggal <input type="date" name="date_to" value="{{PanelFormat.Iso(window.To)}}"></label>
          <button id="btn-filter" type="submit" class="btn btn-secondary">Filter</button>
        </form>
        """;

    private static string ExportControl(PanelReport report, DateWindow? window)
    {
        if (!report.ExportsInBrowser)
        {
            var href = report.Path + "/export" + (window is { } w ? "?" + w.QueryString : string.Empty);
            var label = report == PanelReports.Transactions ? "Export Excel" : "Export PDF";

            return $"<a id=\"btn-export\" class=\"btn btn-success\" href=\"{PanelHtml.Encode(href)}\">{label}</a>\n";
        }

        // The page's script fetches the rows for the applied filter and builds the PDF in the browser.
        var from = PanelFormat.Iso(window!.Value.From);
        var to = PanelFormat.Iso(window.Value.To);

        return $$"""
            <div class="export-tools">
              <button id="btn-export" type="button" class="btn btn-success" data-source="{{report.Path}}/data"
                data-date-from="{{from}}" data-date-to="{{to}}">Export PDF</button>
              <a id="export-download" download="pembayaran_koin_{{from}}_{{to}}.pdf" hidden></a>
            </div>
            """;
    }

    private static string Table(PanelReport report, PreviewRows rows, int page)
    {
        var html = new StringBuilder("<div class=\"table-responsive\">\n")
            .Append("<table id=\"report-table\" class=\"table table-striped\">\n");
        html.Append("<thead><tr><th>No</th>");
        foreach (var column in report.Columns)
        {
            html.Append("<th>").Append(PanelHtml.Encode(column)).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        var first = (page - 1) * PageSize;
        var number = first;
        foreach (var row in rows.Page(first, PageSize))
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{++number}</td>");
            foreach (var cell in row)
            {
                html.Append("<td>").Append(PanelHtml.Encode(cell)).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        if (rows.Count == 0)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td colspan=\"{report.Columns.Count + 1}\" class=\"empty\">Tidak ada data.</td></tr>\n");
        }

        return html.Append("</tbody>\n</table>\n</div>\n").ToString();
    }

    private static string Pagination(PanelReport report, DateWindow? window, int count, int page, int lastPage)
    {
        var query = window is { } w ? w.QueryString + "&" : string.Empty;
        var href = $"{report.Path}?{query}page=";
        string Link(int target, string label, bool enabled) => enabled
            ? $"<li class=\"page-item\"><a class=\"page-link\" href=\"{href}{target}\">{label}</a></li>"
            : $"<li class=\"page-item disabled\"><span class=\"page-link\">{label}</span></li>";

        var first = count == 0 ? 0 : ((page - 1) * PageSize) + 1;
        var last = Math.Min(count, page * PageSize);
        var html = new StringBuilder("<div class=\"pagination-bar\">\n")
            .Append(CultureInfo.InvariantCulture,
                $"<p class=\"text-muted\">Menampilkan {PanelFormat.Number(first)} sampai {PanelFormat.Number(last)}" +
                $" dari {PanelFormat.Number(count)} data</p>\n")
            .Append("<nav><ul class=\"pagination\">")
            .Append(Link(page - 1, "&laquo; Sebelumnya", page > 1));

        var previous = 0;
        foreach (var target in PageNumbers(page, lastPage))
        {
            if (target - previous > 1)
            {
                html.Append("<li class=\"page-item disabled\"><span class=\"page-link\">&hellip;</span></li>");
            }

            var number = target.ToString(CultureInfo.InvariantCulture);
            html.Append(target == page
                ? $"<li class=\"page-item active\" aria-current=\"page\"><span class=\"page-link\">{number}</span></li>"
                : Link(target, number, enabled: true));
            previous = target;
        }

        return html.Append(Link(page + 1, "Berikutnya &raquo;", page < lastPage))
            .Append("</ul></nav>\n</div>\n")
            .ToString();
    }

    /// <summary>The first two, the last two and two either side of the current page, as Laravel shows them.</summary>
    private static IEnumerable<int> PageNumbers(int page, int lastPage) =>
        Enumerable.Range(1, lastPage)
            .Where(n => n <= 2 || n > lastPage - 2 || Math.Abs(n - page) <= 2);
}

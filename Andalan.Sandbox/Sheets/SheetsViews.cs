using System.Globalization;
using System.Net;
using System.Text;

namespace Andalan.Sandbox.Sheets;

/// <summary>Read-only HTML views, so a person can see what a run did, and a JSON snapshot for tests.</summary>
public static class SheetsViews
{
    private const int RowsPerPage = 200;

    private const string Style =
        "<style>body{font-family:sans-serif;margin:1.5rem}table{border-collapse:collapse;font-size:.85rem}" +
        "td,th{border:1px solid #ccc;padding:.15rem .4rem;white-space:nowrap;max-width:28rem;overflow:hidden;" +
        "text-overflow:ellipsis}th{background:#f1f3f4;font-weight:normal;color:#555}tr.frozen td{background:#e8f0fe;" +
        "font-weight:bold}td.n{text-align:right}td.f{color:#0b57d0}</style>";

    public static IResult Index(Spreadsheet sheet)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var html = Page(sheet.Title);
        html.Append(CultureInfo.InvariantCulture, $"<h1>{Encode(sheet.Title)}</h1>")
            .Append(CultureInfo.InvariantCulture, $"<p>Spreadsheet <code>{Encode(sheet.SpreadsheetId)}</code>, ")
            .Append(CultureInfo.InvariantCulture, $"{sheet.GridCells:N0} cells of the grid in use.</p>")
            .Append("<table><tr><th>Tab</th><th>sheetId</th><th>Rows with data</th><th>Grid</th>")
            .Append("<th>Frozen rows</th></tr>");
        foreach (var tab in sheet.Tabs.OrderBy(t => t.Index))
        {
            var link = "/_sandbox/sheets/" + Uri.EscapeDataString(tab.Title);
            html.Append(CultureInfo.InvariantCulture, $"<tr><td><a href=\"{link}\">")
                .Append(CultureInfo.InvariantCulture, $"{Encode(tab.Title)}</a></td><td class=n>{tab.SheetId}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td class=n>{tab.RowsWithData:N0}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td>{tab.RowCount:N0} × {tab.ColumnCount}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td class=n>{tab.FrozenRowCount}</td></tr>");
        }

        return Html(html.Append("</table></body></html>"));
    }

    public static IResult Tab(Spreadsheet sheet, string title, int page)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var tab = sheet.Tabs.FirstOrDefault(t => t.Title == title);
        var values = sheet.Snapshot(title, formatted: true);
        if (tab is null || values is null)
        {
            return Results.NotFound();
        }

        var pages = Math.Max(1, (values.Count + RowsPerPage - 1) / RowsPerPage);
        page = Math.Clamp(page, 1, pages);
        var width = Math.Max(1, values.Count == 0 ? 1 : values.Max(r => r.Count));
        var html = Page(title);
        html.Append(CultureInfo.InvariantCulture, $"<p><a href=\"/_sandbox/sheets\">All tabs</a></p>")
            .Append(CultureInfo.InvariantCulture, $"<h1>{Encode(title)}</h1><p>{values.Count:N0} rows with data, ")
            .Append(CultureInfo.InvariantCulture, $"grid {tab.RowCount:N0} × {tab.ColumnCount}, ")
            .Append(CultureInfo.InvariantCulture, $"page {page} of {pages}. ");
        if (page > 1)
        {
            html.Append(CultureInfo.InvariantCulture, $"<a href=\"?page={page - 1}\">Previous</a> ");
        }

        if (page < pages)
        {
            html.Append(CultureInfo.InvariantCulture, $"<a href=\"?page={page + 1}\">Next</a>");
        }

        html.Append("</p><table><tr><th></th>");
        for (var c = 0; c < width; c++)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th>{A1Range.ColumnName(c)}</th>");
        }

        html.Append("</tr>");
        var raw = sheet.Snapshot(title, formatted: false)!;
        for (var r = (page - 1) * RowsPerPage; r < Math.Min(values.Count, page * RowsPerPage); r++)
        {
            var frozen = r < tab.FrozenRowCount ? " class=frozen" : string.Empty;
            html.Append(CultureInfo.InvariantCulture, $"<tr{frozen}><th>{r + 1}</th>");
            for (var c = 0; c < width; c++)
            {
                var text = c < values[r].Count ? values[r][c]?.ToString() ?? string.Empty : string.Empty;
                var typed = c < raw[r].Count ? raw[r][c] : null;
                var kind = typed is double ? " class=n" : string.Empty;
                html.Append(CultureInfo.InvariantCulture, $"<td{kind}>{Encode(text)}</td>");
            }

            html.Append("</tr>");
        }

        return Html(html.Append("</table></body></html>"));
    }

    /// <summary>The tab's properties with its values both unformatted (typed) and formatted.</summary>
    public static IResult Json(Spreadsheet sheet, string title)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var tab = sheet.Tabs.FirstOrDefault(t => t.Title == title);
        if (tab is null)
        {
            return Results.NotFound(new { error = $"No tab named '{title}'." });
        }

        return Results.Json(new
        {
            title = tab.Title,
            sheetId = tab.SheetId,
            rowCount = tab.RowCount,
            columnCount = tab.ColumnCount,
            frozenRowCount = tab.FrozenRowCount,
            values = sheet.Snapshot(title, formatted: false),
            formatted = sheet.Snapshot(title, formatted: true),
        });
    }

    private static StringBuilder Page(string title) =>
        new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
            .Append(Encode(title)).Append(" · Sheets (sandbox)</title>").Append(Style).Append("</head><body>");

    private static IResult Html(StringBuilder html) => Results.Content(html.ToString(), "text/html; charset=utf-8");

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}

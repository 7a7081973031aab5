using System.Net;

namespace Andalan.Sandbox.Panel;

/// <summary>The panel's HTML frames: the signed-in layout, the guest layout and Laravel's error pages.</summary>
internal static class PanelHtml
{
    public const string ContentType = "text/html; charset=utf-8";

    /// <summary>Laravel's status for a missing or stale CSRF token; no HTTP standard names it.</summary>
    public const int StatusPageExpired = 419;

    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    /// <summary>The signed-in layout: sidebar with the four reports, top bar with the user and a logout form.</summary>
    public static string Layout(string title, string content, PanelSession session, string activePath) =>
        $$"""
        <!doctype html>
        <html lang="id">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="csrf-token" content="{{Encode(session.CsrfToken)}}">
        <title>{{Encode(title)}} | Andalan ATK Admin</title>
        <link rel="stylesheet" href="/css/panel.css">
        </head>
        <body class="panel">
        <aside class="sidebar">
          <a class="brand" href="/dashboard">Andalan <b>ATK</b></a>
          <nav class="menu">
            {{MenuLink("/dashboard", "Dashboard", activePath)}}
            <div class="menu-header">LAPORAN</div>
            {{string.Join("\n    ", PanelReports.All.Select(r => MenuLink(r.Path, r.MenuLabel, activePath)))}}
          </nav>
        </aside>
        <div class="main">
          <header class="topbar">
            <span class="topbar-title">{{Encode(title)}}</span>
            <div class="topbar-user">
              <span class="user-email">{{Encode(session.UserEmail)}}</span>
              <form id="logout-form" method="post" action="/logout">
                <input type="hidden" name="_token" value="{{Encode(session.CsrfToken)}}">
                <button type="submit" class="btn btn-link">Keluar</button>
              </form>
            </div>
          </header>
          <main class="content">
        {{content}}
          </main>
          <footer class="footer">&copy; 2025 Andalan ATK. Hak cipta dilindungi undang-undang.</footer>
        </div>
        </body>
        </html>
        """;

    /// <summary>The frame of the pages a guest sees: the login form.</summary>
    public static string Guest(string title, string content) =>
        $$"""
        <!doctype html>
        <html lang="id">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{Encode(title)}} | Andalan ATK Admin</title>
        <link rel="stylesheet" href="/css/panel.css">
        </head>
        <body class="guest">
        {{content}}
        </body>
        </html>
        """;

    /// <summary>Laravel's minimal error page: the status code and its reason, centred.</summary>
    public static string Error(int status, string message, string? detail = null) =>
        $$"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{Encode(message)}}</title>
        <link rel="stylesheet" href="/css/panel.css">
        </head>
        <body class="error-page">
        <div class="error-box">
          <div class="error-code">{{status}}</div>
          <div class="error-message">{{Encode(message)}}</div>
        </div>
        {{(detail is null ? string.Empty : $"<p class=\"error-detail\">{Encode(detail)}</p>")}}
        </body>
        </html>
        """;

    public static IResult Page(string html, int status = StatusCodes.Status200OK) =>
        Results.Content(html, ContentType, statusCode: status);

    public static IResult PageExpired() => Page(Error(419, "Page Expired"), StatusPageExpired);

    public static IResult ServerError() => Page(Error(500, "Server Error"), StatusCodes.Status500InternalServerError);

    public static IResult NotFound() => Page(Error(404, "Not Found"), StatusCodes.Status404NotFound);

    public static IResult Maintenance() =>
        Page(Error(503, "Service Unavailable", "Sedang dalam pemeliharaan. Silakan coba beberapa saat lagi."),
            StatusCodes.Status503ServiceUnavailable);

    private static string MenuLink(string path, string label, string activePath)
    {
        var active = string.Equals(path, activePath, StringComparison.Ordinal) ? " active" : string.Empty;

        return $"<a class=\"menu-link{active}\" href=\"{Encode(path)}\">{Encode(label)}</a>";
    }
}

using Andalan.Functions.Storage;

namespace Andalan.Functions.Dashboard;

/// <summary>
/// How an archived file is served to a browser. Evidence HTML is a copy of the panel's page: it is shown in a
/// sandbox with nothing loaded from anywhere, so none of its scripts run beside the function key. Exports
/// (xlsx, PDF) are downloads.
/// </summary>
public static class DashboardFileHeaders
{
    public static IReadOnlyList<(string Name, string Value)> For(ArchivedFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var inline = file.ContentType is "image/png" or "text/html";
        var disposition = (inline ? "inline" : "attachment") + "; filename*=UTF-8''" + Uri.EscapeDataString(file.FileName);

        return
        [
            ("Content-Type", file.ContentType == "text/html" ? "text/html; charset=utf-8" : file.ContentType),
            ("Content-Disposition", disposition),
            ("Content-Security-Policy", "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'"),
            ("X-Content-Type-Options", "nosniff"),
            ("Referrer-Policy", "no-referrer"),
        ];
    }
}

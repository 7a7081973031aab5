using System.Globalization;
using System.Net;
using System.Text;

namespace Andalan.Sandbox.Telegram;

/// <summary>The read-only chat page under /_sandbox/chat: the bot's messages as a group member would see them.</summary>
public static class TelegramChatView
{
    private static readonly TimeSpan Jakarta = TimeSpan.FromHours(7);

    public static string Render(IReadOnlyList<ChatMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var page = new StringBuilder();
        page.Append("""
            <!doctype html>
            <html lang="id"><head><meta charset="utf-8"><meta http-equiv="refresh" content="10">
            <title>Telegram chat (sandbox)</title>
            <style>
            body{font-family:system-ui,sans-serif;background:#dfe7ee;margin:0}
            header{background:#517da2;color:#fff;padding:.8rem 1.2rem;font-weight:600}
            main{max-width:46rem;margin:1rem auto;padding:0 1rem}
            .msg{background:#fff;border-radius:.8rem;padding:.6rem .8rem;margin:.5rem 0;box-shadow:0 1px 1px #0002}
            .text{white-space:pre-wrap;overflow-wrap:anywhere}
            .meta{color:#8a9aa9;font-size:.75rem;text-align:right}
            .spoiler{background:#999;color:transparent}.spoiler:hover{color:inherit;background:none}
            blockquote{border-left:3px solid #517da2;margin:.2rem 0;padding-left:.6rem}
            pre,code{background:#f2f4f7;border-radius:.3rem}pre{padding:.4rem;white-space:pre-wrap}
            .doc{font-weight:600}
            </style></head><body><header>Andalan Ops &middot; bot messages</header><main>
            """);
        if (messages.Count == 0)
        {
            page.Append("<p>No messages yet.</p>");
        }

        foreach (var message in messages)
        {
            page.Append("<div class=\"msg\" id=\"m").Append(message.MessageId).Append("\">");
            if (message.Document is { } document)
            {
                page.Append("<div class=\"doc\">&#128196; <a href=\"/_sandbox/chat/files/")
                    .Append(WebUtility.UrlEncode(document.FileId)).Append("\">")
                    .Append(WebUtility.HtmlEncode(document.FileName)).Append("</a> (")
                    .Append(document.Content.Length.ToString("N0", CultureInfo.InvariantCulture))
                    .Append(" bytes)</div>");
            }

            page.Append("<div class=\"text\">").Append(message.Html).Append("</div>")
                .Append("<div class=\"meta\">#").Append(message.MessageId).Append(" &middot; ")
                .Append(message.Date.ToOffset(Jakarta).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture))
                .Append(" WIB</div></div>");
        }

        page.Append("</main></body></html>");

        return page.ToString();
    }
}

using System.Net;
using System.Text;

namespace Andalan.Functions.Notifications;

/// <summary>Text for Telegram's HTML parse mode.</summary>
public static class TelegramHtml
{
    /// <summary>
    /// Escapes text from outside the message template (an export name, an error cause) so Telegram shows it
    /// as written: &amp;, &lt; and &gt; become entities, and so does " for text placed in an attribute.
    /// </summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }

    /// <summary>The text a reader sees: tags dropped, entities decoded.</summary>
    public static string ToPlainText(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var text = new StringBuilder(html.Length);
        foreach (var token in HtmlToken.Read(html))
        {
            if (!token.IsTag)
            {
                text.Append(WebUtility.HtmlDecode(token.Raw));
            }
        }

        return text.ToString();
    }
}

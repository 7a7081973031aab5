using System.Net;

namespace Andalan.Functions.Notifications;

/// <summary>
/// One piece of a Telegram HTML message: a tag, or one visible character (an entity or a surrogate pair counts
/// as what it shows). <see cref="Visible"/> is in UTF-16 code units, the unit of Telegram's length limit.
/// </summary>
internal readonly record struct HtmlToken(string Raw, bool IsTag, bool IsClosingTag, string TagName, int Visible)
{
    public bool IsNewline => !IsTag && Raw == "\n";

    public bool IsSpace => !IsTag && Raw == " ";

    public static List<HtmlToken> Read(string html)
    {
        var tokens = new List<HtmlToken>(html.Length);
        var i = 0;
        while (i < html.Length)
        {
            var c = html[i];
            if (c == '<' && TagEnd(html, i) is var end and > 0)
            {
                var raw = html[i..(end + 1)];
                var closing = raw.StartsWith("</", StringComparison.Ordinal);
                var name = raw.TrimStart('<', '/').Split([' ', '>', '\t', '\n'], 2)[0].ToLowerInvariant();
                tokens.Add(new HtmlToken(raw, true, closing, name, 0));
                i = end + 1;
            }
            else if (c == '&' && html.IndexOf(';', i) is var semicolon and > 0 && semicolon - i <= 10)
            {
                var raw = html[i..(semicolon + 1)];
                tokens.Add(new HtmlToken(raw, false, false, string.Empty, WebUtility.HtmlDecode(raw).Length));
                i = semicolon + 1;
            }
            else if (char.IsHighSurrogate(c) && i + 1 < html.Length && char.IsLowSurrogate(html[i + 1]))
            {
                tokens.Add(new HtmlToken(html.Substring(i, 2), false, false, string.Empty, 2));
                i += 2;
            }
            else
            {
                tokens.Add(new HtmlToken(c.ToString(), false, false, string.Empty, 1));
                i++;
            }
        }

        return tokens;
    }

    private static int TagEnd(string html, int start)
    {
        char? quote = null;
        for (var i = start + 1; i < html.Length; i++)
        {
            var c = html[i];
            if (quote is not null)
            {
                quote = c == quote ? null : quote;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '>')
            {
                return i;
            }
        }

        return -1;
    }
}

using System.Text;

namespace Andalan.Functions.Notifications;

/// <summary>
/// Splits an HTML message into parts Telegram accepts: each at most <see cref="MessageLimit"/> visible
/// characters, cut at a line break where possible (else at a space, else anywhere between characters), never
/// inside a tag or an entity. Tags open at a cut are closed at the end of one part and opened again at the
/// start of the next, so every part is well-formed on its own.
/// </summary>
public static class TelegramMessageSplitter
{
    /// <summary>Telegram's limit for a message's text after entity parsing.</summary>
    public const int MessageLimit = 4096;

    public static IReadOnlyList<string> Split(string html, int limit = MessageLimit)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 2);
        var tokens = HtmlToken.Read(html);
        if (tokens.Sum(t => t.Visible) <= limit)
        {
            return [html];
        }

        var parts = new List<string>();
        var open = new List<HtmlToken>();
        var start = 0;
        while (start < tokens.Count)
        {
            var (end, next) = FindCut(tokens, start, limit);
            var part = new StringBuilder();
            foreach (var tag in open)
            {
                part.Append(tag.Raw);
            }

            var visible = 0;
            for (var i = start; i < end; i++)
            {
                part.Append(tokens[i].Raw);
                visible += tokens[i].Visible;
                Track(open, tokens[i]);
            }

            for (var i = open.Count - 1; i >= 0; i--)
            {
                part.Append("</").Append(open[i].TagName).Append('>');
            }

            for (var i = end; i < next; i++)
            {
                Track(open, tokens[i]);
            }

            if (HasText(tokens, start, end))
            {
                parts.Add(part.ToString());
            }

            start = next;
        }

        return parts;
    }

    /// <summary>Where the part starting at <paramref name="start"/> ends, and where the next one starts.</summary>
    private static (int End, int Next) FindCut(List<HtmlToken> tokens, int start, int limit)
    {
        var visible = 0;
        var lastNewline = -1;
        var lastSpace = -1;
        var i = start;
        for (; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Visible > 0 && visible + token.Visible > limit)
            {
                break;
            }

            visible += token.Visible;
            if (token.IsNewline)
            {
                lastNewline = i;
            }
            else if (token.IsSpace)
            {
                lastSpace = i;
            }
        }

        if (i >= tokens.Count)
        {
            return (tokens.Count, tokens.Count);
        }

        // The newline or space at the cut is dropped: Telegram would trim it from the part anyway.
        if (lastNewline > start)
        {
            return (lastNewline, lastNewline + 1);
        }

        return lastSpace > start ? (lastSpace, lastSpace + 1) : (i, i);
    }

    private static void Track(List<HtmlToken> open, HtmlToken token)
    {
        if (!token.IsTag)
        {
            return;
        }

        if (!token.IsClosingTag)
        {
            open.Add(token);
            return;
        }

        var index = open.FindLastIndex(t => t.TagName == token.TagName);
        if (index >= 0)
        {
            open.RemoveAt(index);
        }
    }

    private static bool HasText(List<HtmlToken> tokens, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (tokens[i].Visible > 0 && !string.IsNullOrWhiteSpace(tokens[i].Raw))
            {
                return true;
            }
        }

        return false;
    }
}

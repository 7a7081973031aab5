using System.Globalization;
using System.Text;

namespace Andalan.Sandbox.Telegram;

/// <summary>
/// Parses parse_mode=HTML as the Bot API does: only the supported tags, properly nested and closed, and the
/// named entities &amp;lt; &amp;gt; &amp;amp; &amp;quot; plus numeric ones. Error texts follow Telegram's.
/// </summary>
/// <remarks>
/// Telegram's documentation says every <c>&lt;</c>, <c>&gt;</c> and <c>&amp;</c> that is not markup must be
/// escaped. The live API lets a stray <c>&gt;</c> or <c>&amp;</c> through; the sandbox holds the app to the
/// documented rule, so an app that forgets to escape fails here rather than on the day a value contains "&lt;".
/// </remarks>
public static class TelegramHtmlParser
{
    private static readonly Dictionary<string, EntityKind> SupportedTags = new(StringComparer.Ordinal)
    {
        ["b"] = EntityKind.Bold,
        ["strong"] = EntityKind.Bold,
        ["i"] = EntityKind.Italic,
        ["em"] = EntityKind.Italic,
        ["u"] = EntityKind.Underline,
        ["ins"] = EntityKind.Underline,
        ["s"] = EntityKind.Strikethrough,
        ["strike"] = EntityKind.Strikethrough,
        ["del"] = EntityKind.Strikethrough,
        ["tg-spoiler"] = EntityKind.Spoiler,
        ["span"] = EntityKind.Spoiler,
        ["a"] = EntityKind.TextLink,
        ["code"] = EntityKind.Code,
        ["pre"] = EntityKind.Pre,
        ["blockquote"] = EntityKind.Blockquote,
    };

    public static FormattedText Parse(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var open = new Stack<OpenTag>();
        var root = new List<FormattedNode>();
        var text = new StringBuilder();
        var i = 0;
        while (i < html.Length)
        {
            var c = html[i];
            if (c == '&')
            {
                i = DecodeEntity(html, i, text);
                continue;
            }

            if (c == '>')
            {
                throw new EntityParseException($"Unescaped \">\" at byte offset {ByteOffset(html, i)}");
            }

            if (c != '<')
            {
                text.Append(c);
                i++;
                continue;
            }

            Flush(text, open.Count > 0 ? open.Peek().Children : root);
            i = i + 1 < html.Length && html[i + 1] == '/'
                ? ReadEndTag(html, i, open, root)
                : ReadStartTag(html, i, open);
        }

        Flush(text, open.Count > 0 ? open.Peek().Children : root);
        if (open.Count > 0)
        {
            throw new EntityParseException($"Can't find end tag corresponding to start tag \"{open.Peek().Name}\"");
        }

        return new FormattedText(root);
    }

    private static int ReadStartTag(string html, int begin, Stack<OpenTag> open)
    {
        var i = begin + 1;
        while (i < html.Length && !char.IsWhiteSpace(html[i]) && html[i] != '>' && html[i] != '/')
        {
            i++;
        }

        if (i >= html.Length)
        {
            throw new EntityParseException($"Unclosed start tag at byte offset {ByteOffset(html, begin)}");
        }

        var name = html[(begin + 1)..i].ToLowerInvariant();
        if (!SupportedTags.TryGetValue(name, out var kind))
        {
            throw new EntityParseException(
                $"Unsupported start tag \"{name}\" at byte offset {ByteOffset(html, begin)}");
        }

        var (attributes, end) = ReadAttributes(html, begin, i, name);
        if (kind == EntityKind.Spoiler && name == "span"
            && (!attributes.TryGetValue("class", out var css) || css != "tg-spoiler"))
        {
            throw new EntityParseException(
                $"Tag \"span\" must have class \"tg-spoiler\" at byte offset {ByteOffset(html, begin)}");
        }

        attributes.TryGetValue("href", out var href);
        string? language = null;
        if (kind == EntityKind.Code && attributes.TryGetValue("class", out var codeClass)
            && codeClass.StartsWith("language-", StringComparison.Ordinal))
        {
            language = codeClass["language-".Length..];
        }

        open.Push(new OpenTag(name, kind, kind == EntityKind.TextLink ? href : null, language));

        return end;
    }

    private static (Dictionary<string, string> Attributes, int End) ReadAttributes(
        string html, int begin, int i, string tag)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        while (true)
        {
            while (i < html.Length && char.IsWhiteSpace(html[i]))
            {
                i++;
            }

            if (i >= html.Length)
            {
                throw new EntityParseException($"Unclosed start tag \"{tag}\" at byte offset {ByteOffset(html, begin)}");
            }

            if (html[i] == '>')
            {
                return (attributes, i + 1);
            }

            var nameStart = i;
            while (i < html.Length && !char.IsWhiteSpace(html[i]) && html[i] != '=' && html[i] != '>')
            {
                i++;
            }

            var name = html[nameStart..i].ToLowerInvariant();
            while (i < html.Length && char.IsWhiteSpace(html[i]))
            {
                i++;
            }

            if (i >= html.Length || html[i] != '=')
            {
                attributes[name] = string.Empty;
                continue;
            }

            i++;
            while (i < html.Length && char.IsWhiteSpace(html[i]))
            {
                i++;
            }

            if (i >= html.Length)
            {
                throw new EntityParseException($"Unclosed start tag \"{tag}\" at byte offset {ByteOffset(html, begin)}");
            }

            string raw;
            if (html[i] is '"' or '\'')
            {
                var close = html.IndexOf(html[i], i + 1);
                if (close < 0)
                {
                    throw new EntityParseException(
                        $"Unclosed start tag \"{tag}\" at byte offset {ByteOffset(html, begin)}");
                }

                raw = html[(i + 1)..close];
                i = close + 1;
            }
            else
            {
                var valueStart = i;
                while (i < html.Length && !char.IsWhiteSpace(html[i]) && html[i] != '>')
                {
                    i++;
                }

                raw = html[valueStart..i];
            }

            var value = new StringBuilder();
            for (var j = 0; j < raw.Length;)
            {
                if (raw[j] == '&')
                {
                    j = DecodeEntity(raw, j, value);
                    continue;
                }

                value.Append(raw[j++]);
            }

            attributes[name] = value.ToString();
        }
    }

    private static int ReadEndTag(string html, int begin, Stack<OpenTag> open, List<FormattedNode> root)
    {
        var close = html.IndexOf('>', begin + 2);
        if (close < 0)
        {
            throw new EntityParseException($"Unclosed end tag at byte offset {ByteOffset(html, begin)}");
        }

        var name = html[(begin + 2)..close].Trim().ToLowerInvariant();
        if (open.Count == 0)
        {
            throw new EntityParseException($"Unexpected end tag at byte offset {ByteOffset(html, begin)}");
        }

        var tag = open.Peek();
        if (tag.Name != name)
        {
            throw new EntityParseException(
                $"Unmatched end tag at byte offset {ByteOffset(html, begin)}, " +
                $"expected \"</{tag.Name}>\", found \"</{name}>\"");
        }

        open.Pop();
        var node = FormattedNode.Entity(tag.Kind, tag.Children, tag.Url, tag.Language);
        (open.Count > 0 ? open.Peek().Children : root).Add(node);

        return close + 1;
    }

    private static int DecodeEntity(string html, int begin, StringBuilder text)
    {
        var semicolon = html.IndexOf(';', begin + 1, Math.Min(12, html.Length - begin - 1));
        var name = semicolon < 0 ? string.Empty : html[(begin + 1)..semicolon];
        var decoded = name switch
        {
            "lt" => "<",
            "gt" => ">",
            "amp" => "&",
            "quot" => "\"",
            ['#', 'x' or 'X', .. var hex] when int.TryParse(hex, NumberStyles.AllowHexSpecifier, null, out var code)
                => CodePoint(code),
            ['#', .. var digits] when int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var code)
                => CodePoint(code),
            _ => null,
        };

        if (decoded is null)
        {
            throw new EntityParseException($"Unescaped \"&\" at byte offset {ByteOffset(html, begin)}");
        }

        text.Append(decoded);

        return semicolon + 1;
    }

    private static string? CodePoint(int code) =>
        code is > 0 and <= 0x10FFFF and (< 0xD800 or > 0xDFFF) ? char.ConvertFromUtf32(code) : null;

    private static void Flush(StringBuilder text, List<FormattedNode> into)
    {
        if (text.Length > 0)
        {
            into.Add(FormattedNode.Plain(text.ToString()));
            text.Clear();
        }
    }

    private static int ByteOffset(string text, int index) => Encoding.UTF8.GetByteCount(text.AsSpan(0, index));

    private sealed record OpenTag(string Name, EntityKind Kind, string? Url, string? Language)
    {
        public List<FormattedNode> Children { get; } = [];
    }
}

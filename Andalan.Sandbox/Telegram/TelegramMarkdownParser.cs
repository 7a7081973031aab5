using System.Text;

namespace Andalan.Sandbox.Telegram;

/// <summary>
/// Parses parse_mode=MarkdownV2 as the Bot API documents it: <c>*bold*</c>, <c>_italic_</c>,
/// <c>__underline__</c>, <c>~strike~</c>, <c>||spoiler||</c>, <c>`code`</c>, <c>```pre```</c>,
/// <c>[text](url)</c> and <c>&gt;</c> blockquotes; every other reserved character must be escaped with a
/// backslash, else "Character 'c' is reserved and must be escaped with the preceding '\'".
/// </summary>
public static class TelegramMarkdownParser
{
    private const string ReservedCharacters = "_*[]()~`>#+-=|{}.!";

    public static FormattedText Parse(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var state = new ParseState(markdown);
        var i = 0;
        while (i < markdown.Length)
        {
            i = Step(state, i);
        }

        if (state.Top is { Kind: EntityKind.Blockquote })
        {
            state.Close();
        }

        if (state.Top is { } unclosed)
        {
            throw new EntityParseException(
                $"Can't find end of {unclosed.Kind} entity at byte offset {state.ByteOffset(unclosed.Begin)}");
        }

        state.Flush();

        return new FormattedText(state.Root);
    }

    private static int Step(ParseState state, int i)
    {
        var text = state.Text;
        var c = text[i];
        if (c == '\\' && i + 1 < text.Length && text[i + 1] is > '\0' and < '\u007f')
        {
            state.Buffer.Append(text[i + 1]);

            return i + 2;
        }

        if (c == '\n')
        {
            if (state.Top is { Kind: EntityKind.Blockquote } && (i + 1 >= text.Length || text[i + 1] != '>'))
            {
                state.Close();
            }

            state.Buffer.Append(c);

            return i + 1;
        }

        if (!ReservedCharacters.Contains(c, StringComparison.Ordinal))
        {
            state.Buffer.Append(c);

            return i + 1;
        }

        return c switch
        {
            '`' => ReadCode(state, i),
            '>' when i == 0 || text[i - 1] == '\n' => Blockquote(state, i),
            '*' => Toggle(state, i, EntityKind.Bold, 1),
            '~' => Toggle(state, i, EntityKind.Strikethrough, 1),
            '|' when i + 1 < text.Length && text[i + 1] == '|' => Toggle(state, i, EntityKind.Spoiler, 2),
            '_' => Underscore(state, i),
            '[' => state.Open(EntityKind.TextLink, i, 1),
            ']' when state.Top is { Kind: EntityKind.TextLink } => CloseLink(state, i),
            _ => throw Reserved(c),
        };
    }

    private static int Toggle(ParseState state, int i, EntityKind kind, int width) =>
        state.Top?.Kind == kind ? state.Close(i + width) : state.Open(kind, i, width);

    private static int Underscore(ParseState state, int i)
    {
        var doubled = i + 1 < state.Text.Length && state.Text[i + 1] == '_';
        if (doubled && state.Top?.Kind == EntityKind.Underline)
        {
            return state.Close(i + 2);
        }

        if (state.Top?.Kind == EntityKind.Italic)
        {
            return state.Close(i + 1);
        }

        return doubled ? state.Open(EntityKind.Underline, i, 2) : state.Open(EntityKind.Italic, i, 1);
    }

    private static int Blockquote(ParseState state, int i)
    {
        if (state.Top?.Kind == EntityKind.Blockquote)
        {
            return i + 1;
        }

        return state.Open(EntityKind.Blockquote, i, 1);
    }

    private static int CloseLink(ParseState state, int i)
    {
        var text = state.Text;
        if (i + 1 >= text.Length || text[i + 1] != '(')
        {
            throw Reserved(']');
        }

        var url = new StringBuilder();
        var j = i + 2;
        while (j < text.Length && text[j] != ')')
        {
            if (text[j] == '\\' && j + 1 < text.Length)
            {
                j++;
            }

            url.Append(text[j++]);
        }

        if (j >= text.Length)
        {
            throw new EntityParseException($"Can't find end of a URL at byte offset {state.ByteOffset(i + 1)}");
        }

        state.Top!.Url = url.ToString();

        return state.Close(j + 1);
    }

    private static int ReadCode(ParseState state, int i)
    {
        var text = state.Text;
        var pre = string.CompareOrdinal(text, i, "```", 0, 3) == 0;
        var marker = pre ? "```" : "`";
        var j = i + marker.Length;
        string? language = null;
        if (pre)
        {
            var newline = text.IndexOf('\n', j);
            var firstLine = newline < 0 ? string.Empty : text[j..newline];
            if (firstLine.Length > 0 && !firstLine.Any(char.IsWhiteSpace)
                && !firstLine.Contains('`', StringComparison.Ordinal))
            {
                language = firstLine;
                j = newline + 1;
            }
        }

        var content = new StringBuilder();
        while (j < text.Length && string.CompareOrdinal(text, j, marker, 0, marker.Length) != 0)
        {
            if (text[j] == '\\' && j + 1 < text.Length && text[j + 1] is '`' or '\\')
            {
                j++;
            }

            content.Append(text[j++]);
        }

        if (j >= text.Length)
        {
            throw new EntityParseException(
                $"Can't find end of {(pre ? "Pre" : "Code")} entity at byte offset {state.ByteOffset(i)}");
        }

        state.Flush();
        var node = FormattedNode.Entity(
            pre ? EntityKind.Pre : EntityKind.Code, [FormattedNode.Plain(content.ToString())], language: language);
        state.Children.Add(node);

        return j + marker.Length;
    }

    private static EntityParseException Reserved(char c) =>
        new($"Character '{c}' is reserved and must be escaped with the preceding '\\'");

    private sealed class ParseState(string text)
    {
        private readonly Stack<OpenEntity> _open = new();

        public string Text { get; } = text;

        public StringBuilder Buffer { get; } = new();

        public List<FormattedNode> Root { get; } = [];

        public OpenEntity? Top => _open.Count > 0 ? _open.Peek() : null;

        public List<FormattedNode> Children => Top?.Children ?? Root;

        public int Open(EntityKind kind, int begin, int width)
        {
            Flush();
            _open.Push(new OpenEntity(kind, begin));

            return begin + width;
        }

        public int Close(int next = 0)
        {
            Flush();
            var entity = _open.Pop();
            Children.Add(FormattedNode.Entity(entity.Kind, entity.Children, entity.Url));

            return next;
        }

        public void Flush()
        {
            if (Buffer.Length > 0)
            {
                Children.Add(FormattedNode.Plain(Buffer.ToString()));
                Buffer.Clear();
            }
        }

        public int ByteOffset(int index) => Encoding.UTF8.GetByteCount(Text.AsSpan(0, index));
    }

    private sealed class OpenEntity(EntityKind kind, int begin)
    {
        public EntityKind Kind { get; } = kind;

        public int Begin { get; } = begin;

        public string? Url { get; set; }

        public List<FormattedNode> Children { get; } = [];
    }
}

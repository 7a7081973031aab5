using System.Net;
using System.Text;

namespace Andalan.Sandbox.Telegram;

/// <summary>A message after entity parsing: the text Telegram shows and the entities that format it.</summary>
public sealed class FormattedText
{
    public FormattedText(IReadOnlyList<FormattedNode> nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        Nodes = nodes;
        var text = new StringBuilder();
        var entities = new List<MessageEntity>();
        Flatten(nodes, text, entities);
        PlainText = text.ToString();
        Entities = [.. entities.OrderBy(e => e.Offset).ThenByDescending(e => e.Length)];
    }

    public IReadOnlyList<FormattedNode> Nodes { get; }

    /// <summary>The text as shown, without markup; Telegram's length limits apply to it.</summary>
    public string PlainText { get; }

    public IReadOnlyList<MessageEntity> Entities { get; }

    public static FormattedText Unformatted(string text) => new([FormattedNode.Plain(text)]);

    /// <summary>
    /// Safe HTML for the chat view: every piece of text is encoded and only the entities become tags, so a
    /// message cannot inject markup into the page.
    /// </summary>
    public string ToSafeHtml()
    {
        var html = new StringBuilder();
        Render(Nodes, html);

        return html.ToString();
    }

    private static void Flatten(IReadOnlyList<FormattedNode> nodes, StringBuilder text, List<MessageEntity> entities)
    {
        foreach (var node in nodes)
        {
            if (node.Kind is not { } kind)
            {
                text.Append(node.Text);
                continue;
            }

            var start = text.Length;
            Flatten(node.Children, text, entities);
            if (text.Length > start)
            {
                entities.Add(new MessageEntity(TypeName(kind), start, text.Length - start, node.Url, node.Language));
            }
        }
    }

    private static string TypeName(EntityKind kind) => kind switch
    {
        EntityKind.Bold => "bold",
        EntityKind.Italic => "italic",
        EntityKind.Underline => "underline",
        EntityKind.Strikethrough => "strikethrough",
        EntityKind.Spoiler => "spoiler",
        EntityKind.Code => "code",
        EntityKind.Pre => "pre",
        EntityKind.TextLink => "text_link",
        EntityKind.Blockquote => "blockquote",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown entity kind."),
    };

    private static void Render(IReadOnlyList<FormattedNode> nodes, StringBuilder html)
    {
        foreach (var node in nodes)
        {
            if (node.Kind is not { } kind)
            {
                html.Append(WebUtility.HtmlEncode(node.Text));
                continue;
            }

            var (open, close) = kind switch
            {
                EntityKind.Bold => ("<b>", "</b>"),
                EntityKind.Italic => ("<i>", "</i>"),
                EntityKind.Underline => ("<u>", "</u>"),
                EntityKind.Strikethrough => ("<s>", "</s>"),
                EntityKind.Spoiler => ("<span class=\"spoiler\">", "</span>"),
                EntityKind.Code => ("<code>", "</code>"),
                EntityKind.Pre => ("<pre>", "</pre>"),
                EntityKind.Blockquote => ("<blockquote>", "</blockquote>"),
                EntityKind.TextLink when IsSafeLink(node.Url) =>
                    ($"<a href=\"{WebUtility.HtmlEncode(node.Url)}\" rel=\"noopener noreferrer nofollow\">", "</a>"),
                EntityKind.TextLink => ("<span class=\"link\">", "</span>"),
                _ => throw new InvalidOperationException($"Unknown entity kind {kind}."),
            };
            html.Append(open);
            Render(node.Children, html);
            html.Append(close);
        }
    }

    private static bool IsSafeLink(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == "tg");
}

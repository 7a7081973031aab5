namespace Andalan.Sandbox.Telegram;

/// <summary>
/// One node of a parsed message: plain text when <see cref="Kind"/> is null, otherwise an entity with children.
/// </summary>
public sealed record FormattedNode(
    EntityKind? Kind, string Text, IReadOnlyList<FormattedNode> Children, string? Url = null, string? Language = null)
{
    public static FormattedNode Plain(string text) => new(null, text, []);

    public static FormattedNode Entity(
        EntityKind kind, IReadOnlyList<FormattedNode> children, string? url = null, string? language = null) =>
        new(kind, string.Empty, children, url, language);
}

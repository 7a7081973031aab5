namespace Andalan.Sandbox.Telegram;

/// <summary>The formatting entities Telegram supports in HTML and MarkdownV2.</summary>
public enum EntityKind
{
    Bold,
    Italic,
    Underline,
    Strikethrough,
    Spoiler,
    Code,
    Pre,
    TextLink,
    Blockquote,
}

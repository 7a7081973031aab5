namespace Andalan.Sandbox.Telegram;

/// <summary>A message the bot sent: its text after entity parsing, or a document with an optional caption.</summary>
public sealed record ChatMessage(
    long MessageId, long ChatId, DateTimeOffset Date, string? ParseMode, FormattedText Content,
    ChatDocument? Document, bool LinkPreviewDisabled)
{
    /// <summary>The text (or caption) as the chat shows it, without markup.</summary>
    public string Text => Content.PlainText;

    /// <summary>The text with its formatting as safe HTML, as the chat view renders it.</summary>
    public string Html => Content.ToSafeHtml();
}

namespace Andalan.Sandbox.Telegram;

/// <summary>Every message the bot sent, oldest first; the chat views and in-process tests read it.</summary>
public sealed class TelegramChat
{
    private readonly List<ChatMessage> _messages = [];
    private readonly Lock _gate = new();
    private long _nextMessageId = 1;

    public IReadOnlyList<ChatMessage> Messages
    {
        get
        {
            lock (_gate)
            {
                return [.. _messages];
            }
        }
    }

    public ChatMessage Add(
        long chatId, DateTimeOffset date, string? parseMode, FormattedText content, ChatDocument? document,
        bool linkPreviewDisabled)
    {
        lock (_gate)
        {
            var message = new ChatMessage(
                _nextMessageId++, chatId, date, parseMode, content, document, linkPreviewDisabled);
            _messages.Add(message);

            return message;
        }
    }

    public ChatDocument? FindDocument(string fileId)
    {
        lock (_gate)
        {
            return _messages.Select(m => m.Document).FirstOrDefault(d => d?.FileId == fileId);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _messages.Clear();
        }
    }
}

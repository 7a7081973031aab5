namespace Andalan.Sandbox.Telegram;

/// <summary>
/// Per-chat flood limits, as Telegram describes them for bots: about one message a second in a chat and
/// twenty a minute in a group. Zero turns a limit off; tests that send many messages raise them.
/// </summary>
public sealed class TelegramLimits
{
    public int MessagesPerSecond { get; set; } = 1;

    public int GroupMessagesPerMinute { get; set; } = 20;
}

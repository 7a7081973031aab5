namespace Andalan.Functions.Notifications;

/// <summary>
/// Whether a notification reached the chat. Not delivered is an outcome, not an error: a Telegram outage
/// never fails a run.
/// </summary>
/// <param name="Delivered">True when every part was accepted.</param>
/// <param name="PartsSent">Parts Telegram accepted.</param>
/// <param name="Parts">Parts the message was split into.</param>
/// <param name="Problem">Why it was not delivered (never the bot token); null when delivered.</param>
public sealed record TelegramDelivery(bool Delivered, int PartsSent, int Parts, string? Problem)
{
    public static TelegramDelivery Disabled { get; } =
        new(false, 0, 0, "Telegram is disabled (Andalan:Telegram:Enabled=false).");
}

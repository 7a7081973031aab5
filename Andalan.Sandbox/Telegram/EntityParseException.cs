namespace Andalan.Sandbox.Telegram;

/// <summary>Text that Telegram would refuse with "can't parse entities"; the message is what follows that phrase.</summary>
public sealed class EntityParseException : Exception
{
    public EntityParseException()
    {
    }

    public EntityParseException(string message)
        : base(message)
    {
    }

    public EntityParseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

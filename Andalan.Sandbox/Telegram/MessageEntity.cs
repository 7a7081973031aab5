namespace Andalan.Sandbox.Telegram;

/// <summary>An entity as the Bot API returns it: offsets and lengths in UTF-16 code units of the plain text.</summary>
public sealed record MessageEntity(string Type, int Offset, int Length, string? Url = null, string? Language = null);

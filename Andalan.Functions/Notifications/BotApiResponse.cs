using System.Text.Json;

namespace Andalan.Functions.Notifications;

/// <summary>
/// One Bot API answer, or its absence (<see cref="Status"/> 0). <see cref="Description"/> is safe to log:
/// it never holds the bot token.
/// </summary>
internal sealed record BotApiResponse(bool Ok, int Status, string Description, TimeSpan? RetryAfter, JsonElement? Result)
{
    /// <summary>Worth trying again: no answer, a timeout or a server error.</summary>
    public bool IsTransient => Status is 0 or 408 or >= 500;

    public bool IsEntityError =>
        Status == 400 && Description.Contains("can't parse entities", StringComparison.OrdinalIgnoreCase);
}

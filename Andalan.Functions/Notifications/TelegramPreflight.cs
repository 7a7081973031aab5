using System.Text.Json;
using Andalan.Functions.Preflight;
using Microsoft.Extensions.Options;

namespace Andalan.Functions.Notifications;

/// <summary>The <c>check</c> verb's Telegram line: the bot answers getMe with this token.</summary>
internal sealed class TelegramPreflight(TelegramBotClient client, IOptions<TelegramOptions> options)
{
    private const string Check = "telegram bot";

    public async Task<PreflightResult> CheckAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return new PreflightResult(Check, true, "disabled (Andalan:Telegram:Enabled=false); no messages are sent");
        }

        var response = await client.GetMeAsync(cancellationToken);
        if (!response.Ok)
        {
            var hint = response.Status == 401
                ? "the bot token was refused: check Andalan:Telegram:BotToken"
                : "check Andalan:Telegram:BaseUrl and the network";

            return new PreflightResult(Check, false, $"{response.Description}; {hint}");
        }

        var username = response.Result is { } bot && bot.TryGetProperty("username", out var name)
            && name.ValueKind == JsonValueKind.String
                ? "@" + name.GetString()
                : "the bot";

        return new PreflightResult(Check, true, $"{username} answers; reports go to chat {options.Value.ChatId}");
    }
}

using Microsoft.Extensions.Configuration;

namespace Andalan.Functions.Secrets;

/// <summary>The secrets the app cannot work without, and the check that they are all set.</summary>
public static class RequiredSecrets
{
    public const string PanelUsername = "Andalan:Panel:Username";
    public const string PanelPassword = "Andalan:Panel:Password";
    public const string SheetsServiceAccountJson = "Andalan:Sheets:ServiceAccountJson";
    public const string TelegramBotToken = "Andalan:Telegram:BotToken";

    /// <summary>A webhook's URL usually carries its own secret token (Slack's do), so it is kept as a secret.</summary>
    public const string WebhookUrl = "Andalan:Webhook:Url";

    private const string TelegramEnabled = "Andalan:Telegram:Enabled";
    private const string WebhookEnabled = "Andalan:Webhook:Enabled";

    /// <summary>Every setting that is a secret, needed or not: Key Vault holds them, app settings never do.</summary>
    public static IReadOnlyList<string> All { get; } =
        [PanelUsername, PanelPassword, SheetsServiceAccountJson, TelegramBotToken, WebhookUrl];

    /// <summary>
    /// The keys required with this configuration: the bot token while Telegram is enabled (the default), the
    /// webhook's URL while the webhook is.
    /// </summary>
    public static IReadOnlyList<string> For(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var telegramEnabled = !bool.TryParse(configuration[TelegramEnabled], out var telegram) || telegram;
        var webhookEnabled = bool.TryParse(configuration[WebhookEnabled], out var webhook) && webhook;

        return
        [
            PanelUsername, PanelPassword, SheetsServiceAccountJson,
            .. telegramEnabled ? [TelegramBotToken] : Array.Empty<string>(),
            .. webhookEnabled ? [WebhookUrl] : Array.Empty<string>(),
        ];
    }

    public static IReadOnlyList<string> Missing(IConfiguration configuration) =>
        [.. For(configuration).Where(key => string.IsNullOrWhiteSpace(configuration[key]))];

    /// <summary>What an operator reads when <paramref name="key"/> is missing: where to set it, never a value.</summary>
    public static string Describe(string key)
    {
        ArgumentNullException.ThrowIfNull(key);

        return $"Missing secret {key}: set it in Key Vault as {SecretNames.ToVaultName(key)} " +
            $"or as the setting {SecretNames.ToSettingName(key)}";
    }

    /// <summary>Throws a <see cref="MissingSecretException"/> naming every required secret that is not set.</summary>
    public static void Validate(IConfiguration configuration)
    {
        var missing = Missing(configuration);
        if (missing.Count > 0)
        {
            throw new MissingSecretException(string.Join(Environment.NewLine, missing.Select(Describe)))
            {
                MissingKeys = missing,
            };
        }
    }
}

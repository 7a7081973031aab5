using System.ComponentModel.DataAnnotations;

namespace Andalan.Functions.Notifications;

/// <summary>How the operators' Telegram group is reached (section <c>Andalan:Telegram</c>).</summary>
public sealed class TelegramOptions
{
    public const string SectionName = "Andalan:Telegram";

    /// <summary>False sends nothing (and makes the bot token optional).</summary>
    public bool Enabled { get; set; } = true;

    [Required]
    public Uri BaseUrl { get; set; } = new("https://api.telegram.org/");

    /// <summary>The bot's token from @BotFather; a secret (Key Vault: Andalan--Telegram--BotToken).</summary>
    public string? BotToken { get; set; }

    /// <summary>The group's chat id (for example -1001234567890) or a channel's @name.</summary>
    public string? ChatId { get; set; }

    /// <summary>How long one Bot API call may take.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long one notification may spend waiting on Telegram (429 retry_after, transient failures) before
    /// it is given up as not delivered; a report never holds up a run for longer.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan RetryBudget { get; set; } = TimeSpan.FromSeconds(30);
}

using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Andalan.Functions.Notifications;

/// <summary>Rules that span fields: an enabled bot needs a token and a chat. Messages never show the token.</summary>
internal sealed partial class TelegramOptionsValidator : IValidateOptions<TelegramOptions>
{
    public ValidateOptionsResult Validate(string? name, TelegramOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var problems = new List<string>();
        if (!options.BaseUrl.IsAbsoluteUri || options.BaseUrl.Scheme is not ("http" or "https"))
        {
            problems.Add($"{TelegramOptions.SectionName}:BaseUrl must be an absolute http(s) URL.");
        }

        if (string.IsNullOrWhiteSpace(options.BotToken))
        {
            problems.Add($"{TelegramOptions.SectionName}:BotToken is not set (set it, or Enabled=false to send nothing).");
        }
        else if (!BotTokenShape().IsMatch(options.BotToken))
        {
            problems.Add($"{TelegramOptions.SectionName}:BotToken does not look like a bot token " +
                "(digits, a colon, then letters, digits, '_' or '-', as @BotFather gives it).");
        }

        if (string.IsNullOrWhiteSpace(options.ChatId))
        {
            problems.Add($"{TelegramOptions.SectionName}:ChatId is not set.");
        }
        else if (!long.TryParse(options.ChatId, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)
            && !options.ChatId.StartsWith('@'))
        {
            problems.Add($"{TelegramOptions.SectionName}:ChatId must be a number (a group's id) or a channel's @name.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    [GeneratedRegex("^[0-9]+:[A-Za-z0-9_-]+$")]
    private static partial Regex BotTokenShape();
}

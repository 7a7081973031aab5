using Microsoft.Extensions.Logging;

namespace Andalan.Functions.Notifications;

/// <summary>
/// Notification log lines: Telegram 4000-4099, webhook and channels 4100-4199. None carries the bot token, the
/// webhook URL or a message's text.
/// </summary>
internal static partial class NotificationsLog
{
    [LoggerMessage(EventId = 4000, Level = LogLevel.Debug, Message = "Telegram message delivered in {Parts} part(s)")]
    public static partial void Delivered(this ILogger logger, int parts);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning,
        Message = "Telegram message not delivered ({PartsSent} of {Parts} parts sent): {Problem}")]
    public static partial void NotDelivered(this ILogger logger, int partsSent, int parts, string problem);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning,
        Message = "Telegram asked to slow down (429); waiting {RetryAfterSeconds} s before trying again")]
    public static partial void RateLimited(this ILogger logger, double retryAfterSeconds);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning,
        Message = "Telegram failed ({Problem}); trying again in {DelaySeconds} s")]
    public static partial void TransientFailure(this ILogger logger, string problem, double delaySeconds);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Warning,
        Message = "Telegram refused the message's HTML ({Problem}); sending it as plain text")]
    public static partial void SentAsPlainText(this ILogger logger, string problem);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Debug, Message = "Telegram is disabled; a message was not sent")]
    public static partial void Disabled(this ILogger logger);

    [LoggerMessage(EventId = 4100, Level = LogLevel.Debug, Message = "Webhook message delivered (HTTP {Status})")]
    public static partial void WebhookDelivered(this ILogger logger, int status);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Webhook message not delivered: {Problem}")]
    public static partial void WebhookNotDelivered(this ILogger logger, string problem);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning,
        Message = "The webhook asked to slow down (429); waiting {RetryAfterSeconds} s before trying again")]
    public static partial void WebhookRateLimited(this ILogger logger, double retryAfterSeconds);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning,
        Message = "The webhook failed ({Problem}); trying again in {DelaySeconds} s")]
    public static partial void WebhookTransientFailure(this ILogger logger, string problem, double delaySeconds);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Debug, Message = "The webhook is disabled; a message was not sent")]
    public static partial void WebhookDisabled(this ILogger logger);

    [LoggerMessage(EventId = 4110, Level = LogLevel.Warning,
        Message = "The {Channel} notification channel failed unexpectedly; the run goes on")]
    public static partial void ChannelFailed(this ILogger logger, Exception exception, string channel);
}

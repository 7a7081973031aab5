namespace Andalan.Functions.Notifications;

/// <summary>The body a webhook channel posts.</summary>
public enum WebhookFormat
{
    /// <summary>The app's own JSON: event, run id, the message as plain text and the structured report.</summary>
    Json,

    /// <summary>A Slack incoming webhook's shape: <c>{"text": ..., "mrkdwn": false}</c>, text escaped for Slack.</summary>
    Slack,
}

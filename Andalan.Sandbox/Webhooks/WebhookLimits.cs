namespace Andalan.Sandbox.Webhooks;

/// <summary>
/// The receiver's rate limit: Slack allows about one message a second per incoming webhook and answers 429
/// with Retry-After beyond it. Zero turns it off.
/// </summary>
public sealed class WebhookLimits
{
    public int MessagesPerSecond { get; set; } = 1;
}

namespace Andalan.Sandbox.Webhooks;

/// <summary>One POST the webhook receiver accepted.</summary>
/// <param name="Id">Order of arrival, from 1.</param>
/// <param name="Shape">"slack" or "json": which receiver took it.</param>
/// <param name="ReceivedAt">When it arrived.</param>
/// <param name="Body">The body as sent.</param>
/// <param name="Text">The text field as sent (Slack: still escaped), when there is one.</param>
/// <param name="DisplayText">What a Slack reader sees: entities decoded, links shown by their label.</param>
/// <param name="Mentions">Slack control sequences that would notify people (&lt;!channel&gt;, &lt;@U123&gt;).</param>
/// <param name="Truncated">True when Slack would have cut the text (over 40,000 characters).</param>
public sealed record WebhookPost(
    long Id,
    string Shape,
    DateTimeOffset ReceivedAt,
    string Body,
    string? Text,
    string? DisplayText,
    IReadOnlyList<string> Mentions,
    bool Truncated);

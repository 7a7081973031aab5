namespace Andalan.Sandbox.Webhooks;

/// <summary>Every POST the webhook receiver accepted, oldest first; the views and in-process tests read it.</summary>
public sealed class WebhookInbox
{
    private readonly List<WebhookPost> _posts = [];
    private readonly Lock _gate = new();
    private DateTimeOffset? _lastAccepted;

    public IReadOnlyList<WebhookPost> Posts
    {
        get
        {
            lock (_gate)
            {
                return [.. _posts];
            }
        }
    }

    /// <summary>Takes a post unless it comes too soon after the last; the wait in seconds when it does.</summary>
    public int? TryAccept(
        WebhookLimits limits, DateTimeOffset now, Func<long, WebhookPost> create)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(create);
        lock (_gate)
        {
            if (limits.MessagesPerSecond > 0 && _lastAccepted is { } last
                && now - last < TimeSpan.FromSeconds(1.0 / limits.MessagesPerSecond))
            {
                return 1;
            }

            _lastAccepted = now;
            _posts.Add(create(_posts.Count + 1));

            return null;
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _posts.Clear();
            _lastAccepted = null;
        }
    }
}

namespace Andalan.Sandbox.Telegram;

/// <summary>Counts the messages each chat received and says how long a sender must wait when over a limit.</summary>
public sealed class TelegramFloodControl(TelegramLimits limits, TimeProvider time)
{
    private readonly Dictionary<long, Queue<DateTimeOffset>> _sent = [];
    private readonly Lock _gate = new();

    public TelegramLimits Limits => limits;

    /// <summary>
    /// Records a message to <paramref name="chatId"/> when the limits allow it; otherwise returns the whole
    /// seconds to wait (Telegram's retry_after) and records nothing.
    /// </summary>
    public int? TryAcquire(long chatId)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (!_sent.TryGetValue(chatId, out var sent))
            {
                sent = new Queue<DateTimeOffset>();
                _sent[chatId] = sent;
            }

            while (sent.Count > 0 && now - sent.Peek() >= TimeSpan.FromMinutes(1))
            {
                sent.Dequeue();
            }

            var wait = Wait(sent, now, TimeSpan.FromSeconds(1), limits.MessagesPerSecond);
            if (chatId < 0)
            {
                wait = Max(wait, Wait(sent, now, TimeSpan.FromMinutes(1), limits.GroupMessagesPerMinute));
            }

            if (wait is { } seconds)
            {
                return seconds;
            }

            sent.Enqueue(now);

            return null;
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _sent.Clear();
        }
    }

    private static int? Wait(Queue<DateTimeOffset> sent, DateTimeOffset now, TimeSpan window, int limit)
    {
        if (limit <= 0)
        {
            return null;
        }

        var inWindow = sent.Where(at => now - at < window).ToList();
        if (inWindow.Count < limit)
        {
            return null;
        }

        var frees = inWindow[^limit] + window - now;

        return Math.Max(1, (int)Math.Ceiling(frees.TotalSeconds));
    }

    private static int? Max(int? a, int? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);
}

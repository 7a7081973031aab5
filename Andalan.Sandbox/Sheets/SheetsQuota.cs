using System.Globalization;
using Andalan.Sandbox.Hosting;

namespace Andalan.Sandbox.Sheets;

/// <summary>
/// Sheets' per-minute quotas per user: read requests and write requests counted separately over a sliding
/// minute. The limits are read from <see cref="SandboxOptions"/> on each request, so tests can lower them.
/// </summary>
public sealed class SheetsQuota(SandboxOptions options, TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly Dictionary<(string User, bool Write), Queue<DateTimeOffset>> _requests = [];
    private readonly Lock _gate = new();

    /// <summary>Counts one request, or throws Google's 429 when the user's minute is used up.</summary>
    public void Take(string user, bool write)
    {
        ArgumentNullException.ThrowIfNull(user);
        var limit = write ? options.SheetsWritesPerMinute : options.SheetsReadsPerMinute;
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (!_requests.TryGetValue((user, write), out var recent))
            {
                recent = new Queue<DateTimeOffset>();
                _requests[(user, write)] = recent;
            }

            while (recent.Count > 0 && recent.Peek() <= now - Window)
            {
                recent.Dequeue();
            }

            if (recent.Count >= limit)
            {
                var metric = write ? "Write requests" : "Read requests";
                throw new SheetsException(
                    429,
                    "RESOURCE_EXHAUSTED",
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"Quota exceeded for quota metric '{metric}' and limit '{metric} per minute per user' " +
                        $"of service " +
                        $"'sheets.googleapis.com' for consumer 'project_number:100000000001'."))
                {
                    Reason = "RATE_LIMIT_EXCEEDED",
                };
            }

            recent.Enqueue(now);
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _requests.Clear();
        }
    }
}

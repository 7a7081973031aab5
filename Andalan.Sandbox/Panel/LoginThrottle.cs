using System.Collections.Concurrent;

namespace Andalan.Sandbox.Panel;

/// <summary>
/// Laravel's login throttle: five failed logins for one email within a minute lock that email out for a
/// minute, whatever password comes next.
/// </summary>
internal sealed class LoginThrottle(TimeProvider time)
{
    public const int MaxAttempts = 5;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan Lockout = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, Attempts> _byEmail = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How long the email stays locked out; zero when it may try.</summary>
    public TimeSpan LockedFor(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        if (!_byEmail.TryGetValue(Key(email), out var attempts))
        {
            return TimeSpan.Zero;
        }

        lock (attempts)
        {
            var left = attempts.LockedUntil - time.GetUtcNow();

            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }
    }

    /// <summary>Counts a failed login; the fifth within the window starts the lockout.</summary>
    public void Fail(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        var attempts = _byEmail.GetOrAdd(Key(email), _ => new Attempts());
        var now = time.GetUtcNow();
        lock (attempts)
        {
            attempts.Failures.RemoveAll(at => now - at >= Window);
            attempts.Failures.Add(now);
            if (attempts.Failures.Count >= MaxAttempts)
            {
                attempts.LockedUntil = now + Lockout;
                attempts.Failures.Clear();
            }
        }
    }

    /// <summary>Forgets the failures of an email that signed in.</summary>
    public void Clear(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        _byEmail.TryRemove(Key(email), out _);
    }

    private static string Key(string email) => email.Trim();

    private sealed class Attempts
    {
        public List<DateTimeOffset> Failures { get; } = [];

        public DateTimeOffset LockedUntil { get; set; } = DateTimeOffset.MinValue;
    }
}

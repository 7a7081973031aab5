using System.Collections.Concurrent;
using System.Security.Cryptography;
using Andalan.Sandbox.Faults;
using Andalan.Sandbox.Hosting;

namespace Andalan.Sandbox.Panel;

/// <summary>
/// The panel's session store. A session expires after <see cref="SandboxOptions.SessionIdleMinutes"/> without a
/// request, or when it started before the expire-sessions switch was thrown.
/// </summary>
internal sealed class PanelSessions(SandboxOptions options, FaultSwitches faults, TimeProvider time)
{
    public const string CookieName = "andalan_session";

    public const string XsrfCookieName = "XSRF-TOKEN";

    private readonly ConcurrentDictionary<string, PanelSession> _sessions = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _issued = new();

    /// <summary>Every session id and CSRF token handed out, for tests that look for leaked secrets.</summary>
    public IReadOnlyCollection<string> Issued => _issued;

    /// <summary>The live session a request's cookie names, touched as seen now; null when none or expired.</summary>
    public PanelSession? Find(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Request.Cookies.TryGetValue(CookieName, out var id) || !_sessions.TryGetValue(id, out var session))
        {
            return null;
        }

        var now = time.GetUtcNow();
        if (IsExpired(session, now))
        {
            _sessions.TryRemove(id, out _);

            return null;
        }

        session.LastSeenAt = now;

        return session;
    }

    /// <summary>The request's live session, or a new guest session with its cookies set on the response.</summary>
    public PanelSession FindOrStart(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Find(context) is { } session)
        {
            return session;
        }

        session = new PanelSession(NewSecret(), NewSecret(), time.GetUtcNow());
        _sessions[session.Id] = session;
        IssueCookies(context, session);

        return session;
    }

    /// <summary>
    /// Signs a user in under a new session id, as Laravel's session regeneration does after a login, so an id
    /// seen before the login (session fixation) is worth nothing after it.
    /// </summary>
    public PanelSession SignIn(HttpContext context, PanelSession guest, string email)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(guest);
        _sessions.TryRemove(guest.Id, out _);
        var session = new PanelSession(NewSecret(), guest.CsrfToken, time.GetUtcNow())
        {
            UserEmail = email,
            IntendedUrl = guest.IntendedUrl,
        };
        _sessions[session.Id] = session;
        IssueCookies(context, session);

        return session;
    }

    /// <summary>Ends a session and clears its cookies.</summary>
    public void SignOut(HttpContext context, PanelSession session)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(session);
        _sessions.TryRemove(session.Id, out _);
        context.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/" });
        context.Response.Cookies.Delete(XsrfCookieName, new CookieOptions { Path = "/" });
    }

    private bool IsExpired(PanelSession session, DateTimeOffset now) =>
        now - session.LastSeenAt > TimeSpan.FromMinutes(options.SessionIdleMinutes)
        || session.StartedAt < faults.Panel.SessionsValidFrom;

    // Session cookies without Expires: the server decides when a session ends, so a test clock that is far from
    // the wall clock cannot make a client drop the cookie early.
    private static void IssueCookies(HttpContext context, PanelSession session)
    {
        context.Response.Cookies.Append(CookieName, session.Id, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Path = "/",
        });

        // Laravel hands its CSRF token to scripts in a readable cookie; they echo it in X-XSRF-TOKEN.
        context.Response.Cookies.Append(XsrfCookieName, session.CsrfToken, new CookieOptions
        {
            HttpOnly = false,
            SameSite = SameSiteMode.Lax,
            Path = "/",
        });
    }

    private string NewSecret()
    {
        var secret = RandomSecret();
        _issued.Enqueue(secret);

        return secret;
    }

    private static string RandomSecret() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(30)).Replace('+', '-').Replace('/', '_');
}

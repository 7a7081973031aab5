namespace Andalan.Sandbox.Panel;

/// <summary>
/// One visitor's server-side session, as Laravel keeps it: a guest session carries the CSRF token and the
/// login form's flashed error; a signed-in session also names the user.
/// </summary>
internal sealed class PanelSession(string id, string csrfToken, DateTimeOffset startedAt)
{
    public string Id { get; } = id;

    public string CsrfToken { get; } = csrfToken;

    public DateTimeOffset StartedAt { get; } = startedAt;

    public DateTimeOffset LastSeenAt { get; set; } = startedAt;

    /// <summary>The signed-in user's email; null for a guest.</summary>
    public string? UserEmail { get; set; }

    /// <summary>The page a guest asked for before being sent to the login form (Laravel's url.intended).</summary>
    public string? IntendedUrl { get; set; }

    /// <summary>The login error shown once on the next login form (Laravel flashes it to the session).</summary>
    public string? FlashedError { get; set; }

    /// <summary>The email typed into the failed login, shown again once; the password never is.</summary>
    public string? FlashedEmail { get; set; }

    public bool IsAuthenticated => UserEmail is not null;

    /// <summary>Takes the flashed login error and email: they are shown on one page only.</summary>
    public (string? Error, string? Email) TakeFlash()
    {
        var flash = (FlashedError, FlashedEmail);
        FlashedError = null;
        FlashedEmail = null;

        return flash;
    }
}

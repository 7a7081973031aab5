namespace Andalan.Functions.Backend;

/// <summary>Why talking to the panel failed, which decides whether trying again can help.</summary>
public enum BackendFailure
{
    /// <summary>The panel refused the credentials. Never retried: repeated attempts lock the account.</summary>
    LoginRefused,

    /// <summary>The panel throttles logins; <see cref="BackendException.RetryAfter"/> says for how long.</summary>
    LoginThrottled,

    /// <summary>The panel shows its maintenance page.</summary>
    Maintenance,

    /// <summary>A server error, a timeout or a network failure: the same request may work later.</summary>
    Transient,

    /// <summary>An element the settings name is not on the page: the panel changed or a selector is wrong.</summary>
    PageChanged,

    /// <summary>What arrived is not the expected xlsx or PDF (cut short, an HTML page, too large).</summary>
    InvalidFile,

    /// <summary>The settings or the machine are wrong: no Chromium, a bad address. Fix, then run again.</summary>
    Configuration,
}

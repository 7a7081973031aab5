namespace Andalan.Functions.Backend;

/// <summary>
/// An expected failure while logging in or downloading an export, with what an operator needs to act: the
/// kind, the export, the page and selector involved, when to try again, and the evidence files kept. The
/// message never holds a password, a cookie or a token.
/// </summary>
public sealed class BackendException : Exception
{
    public BackendException(
        BackendFailure kind, string message, Exception? innerException = null, string? export = null,
        string? url = null, string? selector = null, TimeSpan? retryAfter = null,
        IReadOnlyList<string>? evidence = null)
        : base(Compose(message, evidence), innerException)
    {
        Kind = kind;
        Export = export;
        Url = url;
        Selector = selector;
        RetryAfter = retryAfter;
        Evidence = evidence ?? [];
        Reason = message;
    }

    public BackendException()
        : this(BackendFailure.Transient, "The panel could not be used.")
    {
    }

    public BackendException(string message)
        : this(BackendFailure.Transient, message)
    {
    }

    public BackendException(string message, Exception innerException)
        : this(BackendFailure.Transient, message, innerException)
    {
    }

    public BackendFailure Kind { get; }

    /// <summary>The export being downloaded, or null for a login on its own.</summary>
    public string? Export { get; }

    /// <summary>The page the failure happened on.</summary>
    public string? Url { get; }

    /// <summary>The selector that was not found, for <see cref="BackendFailure.PageChanged"/>.</summary>
    public string? Selector { get; }

    /// <summary>When trying again makes sense, if the panel said (throttling, maintenance).</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>The screenshot and sanitised HTML kept for this failure (full paths).</summary>
    public IReadOnlyList<string> Evidence { get; }

    /// <summary>The failure's description without the list of evidence files.</summary>
    public string Reason { get; }

    /// <summary>
    /// True when the caller may try again: server errors, timeouts, throttling and maintenance pass; a
    /// truncated file is usually a broken transfer. A refused login, a changed page and bad settings do not.
    /// </summary>
    public bool IsRetryable => Kind is BackendFailure.Transient or BackendFailure.LoginThrottled
        or BackendFailure.Maintenance or BackendFailure.InvalidFile;

    /// <summary>The same failure with evidence files named in its message.</summary>
    public BackendException WithEvidence(IReadOnlyList<string> evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);

        return evidence.Count == 0
            ? this
            : new BackendException(
                Kind, Reason, InnerException, Export, Url, Selector, RetryAfter, [.. Evidence, .. evidence]);
    }

    /// <summary>The same failure with the export it happened in, when it was raised without one (a login).</summary>
    public BackendException ForExport(string export) =>
        Export is not null
            ? this
            : new BackendException(Kind, Reason, InnerException, export, Url, Selector, RetryAfter, Evidence);

    private static string Compose(string message, IReadOnlyList<string>? evidence) =>
        evidence is { Count: > 0 }
            ? $"{message} Evidence: {string.Join(", ", evidence)}."
            : message;
}

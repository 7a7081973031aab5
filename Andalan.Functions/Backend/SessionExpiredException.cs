namespace Andalan.Functions.Backend;

/// <summary>
/// The panel answered with its login page: the session expired. Never leaves <see cref="BackendSession"/>,
/// which logs in again once and repeats the work.
/// </summary>
internal sealed class SessionExpiredException : Exception
{
    public SessionExpiredException(string step, string url)
        : base($"The panel showed its login page while {step} ({url}).")
    {
        Step = step;
        Url = url;
    }

    public SessionExpiredException()
    {
        Step = string.Empty;
        Url = string.Empty;
    }

    public SessionExpiredException(string message, Exception innerException)
        : base(message, innerException)
    {
        Step = string.Empty;
        Url = string.Empty;
    }

    public string Step { get; }

    public string Url { get; }
}

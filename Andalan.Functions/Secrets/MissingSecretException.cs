namespace Andalan.Functions.Secrets;

/// <summary>Required secrets are not configured; the message names each one and where to set it, never a value.</summary>
public sealed class MissingSecretException : Exception
{
    public MissingSecretException()
    {
    }

    public MissingSecretException(string message)
        : base(message)
    {
    }

    public MissingSecretException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public IReadOnlyList<string> MissingKeys { get; init; } = [];
}

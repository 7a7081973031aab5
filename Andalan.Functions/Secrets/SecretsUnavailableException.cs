namespace Andalan.Functions.Secrets;

/// <summary>The Key Vault could not be read at start-up; the message says which vault and what to check.</summary>
public sealed class SecretsUnavailableException : Exception
{
    public SecretsUnavailableException()
    {
    }

    public SecretsUnavailableException(string message)
        : base(message)
    {
    }

    public SecretsUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

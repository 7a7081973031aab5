namespace Andalan.Functions.Storage;

/// <summary>An archived file whose content no longer matches the SHA-256 recorded when it was stored.</summary>
public sealed class ArchiveIntegrityException : Exception
{
    public ArchiveIntegrityException()
    {
    }

    public ArchiveIntegrityException(string message)
        : base(message)
    {
    }

    public ArchiveIntegrityException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

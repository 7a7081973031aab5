namespace Andalan.Functions.Storage;

/// <summary>An archived file that is not (or no longer) in the archive, for example after retention.</summary>
public sealed class ArchivedFileNotFoundException : Exception
{
    public ArchivedFileNotFoundException()
    {
    }

    public ArchivedFileNotFoundException(string message)
        : base(message)
    {
    }

    public ArchivedFileNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

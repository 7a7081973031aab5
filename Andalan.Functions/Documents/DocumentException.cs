namespace Andalan.Functions.Documents;

/// <summary>
/// An export file that cannot be read as its table, for an expected reason (<see cref="Kind"/>); the message
/// says what was expected and what was found, for an operator to act on.
/// </summary>
public sealed class DocumentException : Exception
{
    public DocumentException(DocumentErrorKind kind, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
    }

    public DocumentException()
    {
    }

    public DocumentException(string message)
        : base(message)
    {
    }

    public DocumentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DocumentErrorKind Kind { get; } = DocumentErrorKind.Corrupt;
}

namespace Andalan.Functions.Exports;

/// <summary>A name that no configured export has.</summary>
public sealed class UnknownExportException : Exception
{
    public UnknownExportException(string name, IEnumerable<string> known)
        : base($"There is no export named '{name}'. Configured exports: {string.Join(", ", known)}.")
    {
        ExportName = name;
    }

    public UnknownExportException()
    {
        ExportName = string.Empty;
    }

    public UnknownExportException(string message, Exception innerException)
        : base(message, innerException)
    {
        ExportName = string.Empty;
    }

    public string ExportName { get; }
}

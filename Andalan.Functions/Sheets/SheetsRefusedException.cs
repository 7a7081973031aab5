namespace Andalan.Functions.Sheets;

/// <summary>
/// The sync would not write because writing would be wrong: the tab's header does not match the export's
/// schema, or the spreadsheet has no room left. Retrying does not help; a person has to act.
/// </summary>
public sealed class SheetsRefusedException : Exception
{
    public SheetsRefusedException(string tab, string message)
        : base(message)
    {
        Tab = tab;
    }

    public SheetsRefusedException()
    {
        Tab = string.Empty;
    }

    public SheetsRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Tab = string.Empty;
    }

    public string Tab { get; }
}

namespace Andalan.Functions.Notifications;

/// <summary>
/// One export's result as the operators read it: counts only, never a record's content.
/// </summary>
/// <param name="Export">The export's name, for example "transactions".</param>
/// <param name="Tab">The sheet tab it writes.</param>
/// <param name="Succeeded">True when the tab was brought up to date.</param>
/// <param name="RowsRead">Records read from the downloaded file.</param>
/// <param name="NewRows">Records appended.</param>
/// <param name="Updated">Records changed in place.</param>
/// <param name="Unchanged">Records already up to date.</param>
/// <param name="Rejected">Records that failed validation and were not written.</param>
/// <param name="Duration">Time this attempt took.</param>
/// <param name="Cause">Why it failed, in words for an operator (no personal data); null on success.</param>
/// <param name="RetryFollows">True when a failed attempt will be retried.</param>
/// <param name="Attempts">Which attempt this is (1 for the first); above 1 on success means it recovered.</param>
public sealed record ExportReport(
    string Export,
    string Tab,
    bool Succeeded,
    int RowsRead,
    int NewRows,
    int Updated,
    int Unchanged,
    int Rejected,
    TimeSpan Duration,
    string? Cause = null,
    bool RetryFollows = false,
    int Attempts = 1)
{
    /// <summary>True when it succeeded after an earlier attempt failed.</summary>
    public bool Recovered => Succeeded && Attempts > 1;
}

namespace Andalan.Functions.Sheets;

/// <summary>
/// The Sheets calls one piece of work made. Syncs of several exports share one client and run at the same
/// time, so each counts its own calls in a scope that follows its async flow.
/// </summary>
internal sealed class SheetsCallCount
{
    private int _calls;
    private int _retries;

    /// <summary>Calls answered with success or a final failure; retries are not counted again.</summary>
    public int Calls => Volatile.Read(ref _calls);

    /// <summary>Attempts that were retried after a 429, a 5xx or no answer.</summary>
    public int Retries => Volatile.Read(ref _retries);

    public void AddCall() => Interlocked.Increment(ref _calls);

    public void AddRetry() => Interlocked.Increment(ref _retries);
}

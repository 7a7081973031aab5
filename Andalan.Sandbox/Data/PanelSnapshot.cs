namespace Andalan.Sandbox.Data;

/// <summary>
/// The panel's records at one moment. Arrays are never changed once a snapshot is published, so readers
/// need no lock; an advance builds the next snapshot and swaps it in.
/// </summary>
/// <param name="Now">The panel's local time.</param>
/// <param name="GeneratedUntil">Records exist up to (not including) this minute; the next advance starts here.</param>
/// <param name="TransactionMembers">
/// For each transaction, the index of its member in <paramref name="Users"/>, -1 for a walk-in guest.
/// </param>
internal sealed record PanelSnapshot(
    DateTime Now,
    DateTime GeneratedUntil,
    Transaction[] Transactions,
    int[] TransactionMembers,
    PointTransaction[] PointTransactions,
    User[] Users,
    CoinPayment[] CoinPayments)
{
    public static PanelSnapshot Empty(DateTime now, DateTime generatedUntil) =>
        new(now, generatedUntil, [], [], [], [], []);
}

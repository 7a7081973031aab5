using Andalan.Sandbox.Hosting;

namespace Andalan.Sandbox.Data;

/// <summary>
/// The admin panel's database: seeded, deterministic records over the history days before now, and a clock
/// that only moves when <see cref="Advance"/> is called. Safe to read from any thread while an advance runs:
/// readers see the records before or after it, never half of it.
/// </summary>
public sealed class PanelStore
{
    // Jakarta has kept UTC+7 without daylight saving since 1964; a fixed offset needs no tz database.
    private static readonly TimeSpan JakartaOffset = TimeSpan.FromHours(7);

    private readonly SandboxOptions _options;
    private readonly Lock _advancing = new();
    private volatile PanelSnapshot _snapshot;

    public PanelStore(SandboxOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Transactions);
        ArgumentOutOfRangeException.ThrowIfNegative(options.PointTransactions);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Users);
        ArgumentOutOfRangeException.ThrowIfNegative(options.CoinPayments);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.HistoryDays, 1);
        _options = options;
        var now = time.GetUtcNow().ToOffset(JakartaOffset).DateTime;
        _snapshot = PanelDataGenerator.Initial(options, now);
    }

    /// <summary>The panel's current local time (Asia/Jakarta).</summary>
    public DateTime Now => _snapshot.Now;

    /// <summary>
    /// Sales on the dates from <paramref name="from"/> to <paramref name="to"/>, inclusive (null: open end), by time.
    /// </summary>
    public IReadOnlyList<Transaction> Transactions(DateOnly? from, DateOnly? to)
    {
        var records = _snapshot.Transactions;

        return Window(records, from, to, static t => t.At);
    }

    /// <summary>Point movements on the dates from <paramref name="from"/> to <paramref name="to"/>, by time.</summary>
    public IReadOnlyList<PointTransaction> PointTransactions(DateOnly? from, DateOnly? to)
    {
        var records = _snapshot.PointTransactions;

        return Window(records, from, to, static p => p.CreatedAt);
    }

    /// <summary>Every member, in the order they registered (their id order).</summary>
    public IReadOnlyList<User> Users() => _snapshot.Users;

    /// <summary>Coin payments made on the dates from <paramref name="from"/> to <paramref name="to"/>, by time.</summary>
    public IReadOnlyList<CoinPayment> CoinPayments(DateOnly? from, DateOnly? to)
    {
        var records = _snapshot.CoinPayments;

        return Window(records, from, to, static c => c.PaidAt);
    }

    /// <summary>
    /// Moves the panel's time on: records appear in the new period in proportion to the configured sizes per
    /// history day, and some existing ones change (pending sales settle, members change tier, coin payments settle).
    /// </summary>
    public AdvanceResult Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        lock (_advancing)
        {
            var (next, result) = PanelDataGenerator.Advance(_options, _snapshot, by);
            _snapshot = next;

            return result;
        }
    }

    /// <summary>The records of a sorted array whose time falls on the given dates, without copying them.</summary>
    private static ArraySegment<T> Window<T>(T[] records, DateOnly? from, DateOnly? to, Func<T, DateTime> timeOf)
    {
        var start = from is { } f ? LowerBound(records, f.ToDateTime(TimeOnly.MinValue), timeOf) : 0;
        var end = to is { } t ? LowerBound(records, t.AddDays(1).ToDateTime(TimeOnly.MinValue), timeOf) : records.Length;

        return end > start ? new ArraySegment<T>(records, start, end - start) : ArraySegment<T>.Empty;
    }

    private static int LowerBound<T>(T[] records, DateTime moment, Func<T, DateTime> timeOf)
    {
        var (low, high) = (0, records.Length);
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (timeOf(records[middle]) < moment)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}

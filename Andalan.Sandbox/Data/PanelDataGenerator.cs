using System.Globalization;
using Andalan.Sandbox.Hosting;

namespace Andalan.Sandbox.Data;

/// <summary>
/// Grows a <see cref="PanelSnapshot"/> over a period of time: new members, sales, point movements and coin
/// payments inside the period, and, for an advance, the changes a day at the shop brings to older records.
/// Everything comes from one seeded <see cref="Random"/> drawn in a fixed order, so the same seed and the
/// same period give the same records.
/// </summary>
internal sealed class PanelDataGenerator
{
    private const int OpeningHour = 8;
    private const int ClosingHour = 22;
    private const long RupiahPerPoint = 10_000;
    private const long RupiahPerCoin = 100;

    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    private readonly SandboxOptions _options;
    private readonly Random _random;
    private readonly PanelSnapshot _previous;
    private readonly DateTime _start;
    private readonly DateTime _end;
    private readonly List<User> _users;
    private readonly List<Transaction> _transactions;
    private readonly List<int> _members;
    private readonly List<PointTransaction> _pointTransactions;
    private readonly List<CoinPayment> _coinPayments;
    private readonly HashSet<string> _changedTransactions = new(StringComparer.Ordinal);
    private readonly HashSet<string> _changedCoinPayments = new(StringComparer.Ordinal);
    private readonly List<PointMovement> _movements = [];

    private PanelDataGenerator(SandboxOptions options, PanelSnapshot previous, DateTime start, DateTime end, int seed)
    {
        _options = options;
        _previous = previous;
        _start = start;
        _end = end;
        _random = new Random(seed);
        _users = [.. previous.Users];
        _transactions = [.. previous.Transactions];
        _members = [.. previous.TransactionMembers];
        _pointTransactions = [.. previous.PointTransactions];
        _coinPayments = [.. previous.CoinPayments];
    }

    /// <summary>The panel as it stands when the sandbox starts: the configured sizes over the history days.</summary>
    public static PanelSnapshot Initial(SandboxOptions options, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(options);

        // History ends at the start of today, so the same seed and start date give the same records whatever the
        // time of day; today's records arrive with the first advance.
        var today = now.Date;
        var start = today.AddDays(-options.HistoryDays);
        var generator = new PanelDataGenerator(options, PanelSnapshot.Empty(now, start), start, today, options.Seed);
        var (firstMember, lastMember) = (DateOnly.FromDateTime(today.AddYears(-3)), DateOnly.FromDateTime(today.AddDays(-1)));
        generator.AddUsers(options.Users, firstMember, lastMember);
        generator.AddActivity(options.Transactions, options.PointTransactions, options.CoinPayments);

        return generator.Snapshot(now);
    }

    /// <summary>Moves the panel's time on by <paramref name="by"/> and reports what was added and changed.</summary>
    public static (PanelSnapshot Next, AdvanceResult Result) Advance(
        SandboxOptions options, PanelSnapshot previous, TimeSpan by)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(previous);
        var now = previous.Now + by;
        var end = new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Unspecified);
        end = end < previous.GeneratedUntil ? previous.GeneratedUntil : end;
        var seed = unchecked((options.Seed * 397) ^ (int)(end.Ticks / TimeSpan.TicksPerMinute));
        var generator = new PanelDataGenerator(options, previous, previous.GeneratedUntil, end, seed);

        var days = (end - previous.GeneratedUntil).TotalDays / Math.Max(1, options.HistoryDays);
        var newUsers = generator.AddUsers(
            Share(options.Users, days), DateOnly.FromDateTime(generator._start), DateOnly.FromDateTime(end));
        generator.SettlePendingSales(by);
        var added = generator.AddActivity(
            Share(options.Transactions, days), Share(options.PointTransactions, days), Share(options.CoinPayments, days));
        generator.SettlePendingCoinPayments(by);
        generator.MoveTiers(by);

        var next = generator.Snapshot(now);
        var changedUsers = Enumerable.Range(0, previous.Users.Length)
            .Where(i => next.Users[i] != previous.Users[i]).Select(i => next.Users[i].UserId).ToList();
        var changes = new List<ExportChange>
        {
            new("transactions", added.Transactions, [.. generator._changedTransactions.Order(StringComparer.Ordinal)]),
            new("point_transactions", added.PointTransactions, []),
            new("users", newUsers, changedUsers),
            new("coin_payments", added.CoinPayments, [.. generator._changedCoinPayments.Order(StringComparer.Ordinal)]),
        };

        return (next, new AdvanceResult(previous.Now, now, changes));
    }

    private static int Share(int size, double days) => (int)Math.Round(size * days, MidpointRounding.AwayFromZero);

    private PanelSnapshot Snapshot(DateTime now) =>
        new PanelSnapshot(
            now, _end, [.. _transactions], [.. _members], [.. _pointTransactions], [.. _users], [.. _coinPayments]);

    private List<string> AddUsers(int count, DateOnly from, DateOnly to)
    {
        var span = Math.Max(0, to.DayNumber - from.DayNumber);
        var dates = Enumerable.Range(0, count).Select(_ => from.AddDays(_random.Next(span + 1))).Order().ToList();
        var added = new List<string>(count);
        foreach (var registered in dates)
        {
            var user = NewUser(_users.Count + 1, registered);
            _users.Add(user);
            added.Add(user.UserId);
        }

        return added;
    }

    private User NewUser(int sequence, DateOnly registered)
    {
        var first = Pick(PanelVocabulary.FirstNames);
        var last = Pick(PanelVocabulary.LastNames);
        var roll = _random.NextDouble();
        var name = roll switch
        {
            < 0.005 => Pick(PanelVocabulary.FormulaLookingNames),
            < 0.05 => first,
            < 0.09 => $"{first} {last}{Pick(PanelVocabulary.Titles)}",
            < 0.25 => $"{first} {Pick(PanelVocabulary.FirstNames)} {last}",
            _ => $"{first} {last}",
        };
        var number = _random.Next(3) == 0 ? _random.Next(1, 99).ToString(CultureInfo.InvariantCulture) : string.Empty;
        var email = _random.NextDouble() < 0.12
            ? null
            : $"{first.ToLowerInvariant()}.{last.ToLowerInvariant()}{number}@{Pick(PanelVocabulary.EmailDomains)}";
        var tier = Weighted([("Silver", 60), ("Gold", 30), ("Platinum", 10)]);
        var points = tier switch
        {
            "Platinum" => _random.Next(5_000, 20_000),
            "Gold" => _random.Next(1_000, 5_000),
            _ => _random.Next(0, 1_500),
        };

        return new User(
            $"U{sequence:D6}", name, email, NewPhone(), registered, tier, points, _random.Next(0, 3_000),
            Weighted(PanelVocabulary.UserStatuses));
    }

    private string NewPhone()
    {
        var digits = _random.Next(10_000_000, 100_000_000).ToString(CultureInfo.InvariantCulture);
        var prefix = Pick(PanelVocabulary.PhonePrefixes);

        // A few members give their number the international way; it must stay text, plus sign and all.
        return _random.NextDouble() < 0.03
            ? $"+62 {prefix[1..]}-{digits[..4]}-{digits[4..]}"
            : prefix + (_random.Next(2) == 0 ? digits : digits[..7]);
    }

    private (List<string> Transactions, List<string> PointTransactions, List<string> CoinPayments) AddActivity(
        int transactions, int pointTransactions, int coinPayments)
    {
        var firstNew = _transactions.Count;
        var addedTransactions = AddSales(transactions);
        var newSales = Enumerable.Range(firstNew, _transactions.Count - firstNew).ToList();
        var addedPoints = AddPointTransactions(pointTransactions, newSales);
        var addedCoins = AddCoinPayments(coinPayments, newSales);

        return (addedTransactions, addedPoints, addedCoins);
    }

    private List<string> AddSales(int count)
    {
        var times = Enumerable.Range(0, count).Select(_ => ShopMoment(_start, _end)).Order().ToList();
        var added = new List<string>(count);
        foreach (var at in times)
        {
            var member = PickMember(DateOnly.FromDateTime(at));
            var amount = (long)Math.Round(Math.Exp(Uniform(Math.Log(5_000), Math.Log(2_500_000))) / 500) * 500;
            var recent = _end - at < TimeSpan.FromDays(2);
            var status = _random.NextDouble() switch
            {
                var r when r < (recent ? 0.25 : 0.03) => "Pending",
                var r when r < (recent ? 0.30 : 0.08) => "Dibatalkan",
                _ => "Selesai",
            };
            var user = member >= 0 ? _users[member] : null;
            var sale = new Transaction(
                $"INV/{at:yyyyMMdd}/{_transactions.Count + 1:D6}", at, user?.Name ?? string.Empty,
                user?.Phone ?? string.Empty, Pick(PanelVocabulary.Stores), amount,
                status == "Selesai" && user is not null ? amount / RupiahPerPoint : 0,
                Weighted(PanelVocabulary.PaymentMethods), status);
            _transactions.Add(sale);
            _members.Add(member);
            added.Add(sale.InvoiceNo);
        }

        return added;
    }

    private int PickMember(DateOnly on)
    {
        if (_users.Count == 0 || _random.NextDouble() < 0.06)
        {
            return -1;
        }

        for (var attempt = 0; attempt < 5; attempt++)
        {
            var index = _random.Next(_users.Count);
            if (_users[index].RegisteredAt <= on)
            {
                return index;
            }
        }

        return -1;
    }

    private PointMovement EarnedFor(int sale, DateTime at)
    {
        var transaction = _transactions[sale];
        var description = _random.NextDouble() < 0.8
            ? $"Poin belanja {transaction.InvoiceNo} di {transaction.Store}"
            : PanelVocabulary.LongNotes[2];

        return new PointMovement(at, _members[sale], "Tambah", transaction.PointsEarned, description);
    }

    private List<string> AddPointTransactions(int count, List<int> newSales)
    {
        // About half the movements are points earned by this period's sales, the rest redemptions and the like.
        var earning = newSales.Where(i => _transactions[i].PointsEarned > 0).ToList();
        var earned = Math.Min(earning.Count, (int)(count * 0.45));
        for (var i = 0; i < earned; i++)
        {
            var pick = _random.Next(i, earning.Count);
            (earning[i], earning[pick]) = (earning[pick], earning[i]);
            var sale = _transactions[earning[i]];
            var at = sale.At.AddMinutes(_random.Next(1, 30));
            _movements.Add(EarnedFor(earning[i], at < _end ? at : sale.At));
        }

        for (var i = earned; i < count && _users.Count > 0; i++)
        {
            var at = ShopMoment(_start, _end);
            var member = PickMember(DateOnly.FromDateTime(at));
            if (member < 0)
            {
                member = _random.Next(_users.Count);
            }

            _movements.Add(_random.NextDouble() switch
            {
                < 0.45 => Redemption(at, member),
                < 0.65 => Adjustment(at, member),
                < 0.85 => Expiry(at, member),
                _ => Bonus(at, member),
            });
        }

        var added = new List<string>(_movements.Count);
        foreach (var movement in _movements.OrderBy(m => m.At))
        {
            var user = _users[movement.Member];
            var (type, points, description) = (movement.Type, movement.Points, movement.Description);
            if (user.Points + points < 0)
            {
                // Nobody redeems more than they hold: the panel refuses it, so the sandbox does too.
                points = -user.Points;
                if (points == 0)
                {
                    (type, points) = ("Penyesuaian", 10);
                }
            }

            var balance = user.Points + points;
            _users[movement.Member] = user with { Points = balance };
            var record = new PointTransaction(
                $"PT{_pointTransactions.Count + 1:D7}", movement.At, user.Name, user.Email, type, points, description,
                balance);
            _pointTransactions.Add(record);
            added.Add(record.Id);
        }

        _movements.Clear();

        return added;
    }

    private PointMovement Redemption(DateTime at, int member)
    {
        var voucher = Pick(PanelVocabulary.Vouchers);
        var description = _random.NextDouble() switch
        {
            < 0.6 => $"Tukar poin: {voucher}",
            < 0.9 => string.Format(CultureInfo.InvariantCulture, PanelVocabulary.LongNotes[0], voucher),
            _ => null,
        };

        return new PointMovement(at, member, "Tukar", -_random.Next(5, 200) * 10, description);
    }

    private PointMovement Adjustment(DateTime at, int member)
    {
        var points = _random.Next(1, 50) * 5 * (_random.Next(3) == 0 ? -1 : 1);
        var roll = _random.NextDouble();
        if (roll < 0.3)
        {
            var (note, notedPoints) = Pick(PanelVocabulary.FormulaLookingNotes);

            return new PointMovement(at, member, "Penyesuaian", notedPoints, note);
        }

        var description = roll switch
        {
            < 0.5 => PanelVocabulary.LongNotes[_random.Next(2) == 0 ? 1 : 3],
            < 0.8 => "Penyesuaian saldo oleh admin",
            _ => null,
        };

        return new PointMovement(at, member, "Penyesuaian", points, description);
    }

    private PointMovement Expiry(DateTime at, int member)
    {
        var description = _random.NextDouble() < 0.7
            ? $"Poin kedaluwarsa periode {at.AddYears(-1).ToString("MMMM yyyy", Indonesian)}"
            : null;

        return new PointMovement(at, member, "Kedaluwarsa", -_random.Next(10, 500), description);
    }

    private PointMovement Bonus(DateTime at, int member) =>
        new(at, member, "Tambah", _random.Next(1, 20) * 25, PanelVocabulary.LongNotes[2]);

    private List<string> AddCoinPayments(int count, List<int> newSales)
    {
        var payable = newSales.Where(i => _members[i] >= 0 && _transactions[i].Status != "Dibatalkan").ToList();
        if (payable.Count == 0)
        {
            return [];
        }

        var payments = new List<(int Sale, long Coins, string Status)>(count);
        for (var i = 0; i < count; i++)
        {
            var sale = payable[_random.Next(payable.Count)];
            var transaction = _transactions[sale];
            var coins = _random.Next(5, (int)Math.Clamp(transaction.TotalAmount / (2 * RupiahPerCoin), 6, 2_000));
            var status = transaction.Status == "Pending" ? "Pending" : Weighted(PanelVocabulary.CoinPaymentStatuses);
            payments.Add((sale, coins, status));
        }

        var added = new List<string>(count);
        foreach (var (sale, coins, status) in payments.OrderBy(p => _transactions[p.Sale].At).ThenBy(p => p.Sale))
        {
            var transaction = _transactions[sale];
            var payment = new CoinPayment(
                $"KP{_coinPayments.Count + 1:D7}", transaction.At, transaction.MemberName, transaction.InvoiceNo, coins,
                coins * RupiahPerCoin, status);
            _coinPayments.Add(payment);
            added.Add(payment.PaymentId);
            if (status == "Berhasil")
            {
                SpendCoins(_members[sale], coins);
            }
        }

        return added;
    }

    private void SpendCoins(int member, long coins)
    {
        var user = _users[member];
        _users[member] = user with { Coins = Math.Max(0, user.Coins - coins) };
    }

    private void SettlePendingSales(TimeSpan by)
    {
        var chance = Chance(by, TimeSpan.FromHours(12));
        for (var i = 0; i < _previous.Transactions.Length; i++)
        {
            var sale = _transactions[i];
            if (sale.Status != "Pending" || _random.NextDouble() >= chance)
            {
                continue;
            }

            var completed = _random.NextDouble() < 0.9;
            var member = _members[i];
            _transactions[i] = sale with
            {
                Status = completed ? "Selesai" : "Dibatalkan",
                PointsEarned = completed && member >= 0 ? sale.TotalAmount / RupiahPerPoint : 0,
            };
            _changedTransactions.Add(sale.InvoiceNo);
            if (_transactions[i].PointsEarned > 0)
            {
                _movements.Add(EarnedFor(i, ShopMoment(_start, _end)));
            }
        }
    }

    private void SettlePendingCoinPayments(TimeSpan by)
    {
        var chance = Chance(by, TimeSpan.FromHours(12));
        var invoices = _transactions.Select((t, i) => (t.InvoiceNo, i))
            .ToDictionary(p => p.InvoiceNo, p => p.i, StringComparer.Ordinal);
        for (var i = 0; i < _previous.CoinPayments.Length; i++)
        {
            var payment = _coinPayments[i];
            if (payment.Status != "Pending" || _random.NextDouble() >= chance)
            {
                continue;
            }

            var succeeded = _random.NextDouble() < 0.8;
            _coinPayments[i] = payment with { Status = succeeded ? "Berhasil" : "Gagal" };
            _changedCoinPayments.Add(payment.PaymentId);
            if (succeeded && invoices.TryGetValue(payment.InvoiceNo, out var sale) && _members[sale] >= 0)
            {
                SpendCoins(_members[sale], payment.Coins);
            }
        }
    }

    private void MoveTiers(TimeSpan by)
    {
        // About one member in a hundred a day, and at least one whenever time moves at all.
        var moves = by > TimeSpan.Zero ? Math.Max(1, (int)Math.Round(_previous.Users.Length * 0.01 * by.TotalDays)) : 0;
        for (var i = 0; i < moves && _previous.Users.Length > 0; i++)
        {
            var index = _random.Next(_previous.Users.Length);
            var user = _users[index];
            var tier = user.Tier switch
            {
                "Silver" => "Gold",
                "Gold" => _random.Next(2) == 0 ? "Platinum" : "Silver",
                _ => "Gold",
            };
            _users[index] = user with { Tier = tier, Coins = user.Coins + (_random.Next(1, 20) * 10) };
        }
    }

    private static double Chance(TimeSpan by, TimeSpan halfLife) => 1 - Math.Pow(0.5, by / halfLife);

    /// <summary>A whole minute in [from, to), mostly while the shops are open.</summary>
    private DateTime ShopMoment(DateTime from, DateTime to)
    {
        var minutes = (long)(to - from).TotalMinutes;
        if (minutes <= 0)
        {
            return from;
        }

        var at = from;
        for (var attempt = 0; attempt < 8; attempt++)
        {
            at = from.AddMinutes(_random.NextInt64(minutes));
            if (at.Hour is >= OpeningHour and < ClosingHour)
            {
                break;
            }
        }

        return at;
    }

    private double Uniform(double from, double to) => from + (_random.NextDouble() * (to - from));

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];

    private string Weighted((string Value, int Weight)[] items)
    {
        var roll = _random.Next(items.Sum(i => i.Weight));
        foreach (var (value, weight) in items)
        {
            if (roll < weight)
            {
                return value;
            }

            roll -= weight;
        }

        return items[^1].Value;
    }

    /// <summary>A change to a member's points before it gets its id and running balance.</summary>
    private sealed record PointMovement(DateTime At, int Member, string Type, long Points, string? Description);
}

using Andalan.Sandbox.Data;
using Andalan.Sandbox.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Andalan.Functions.Tests.Sandbox;

public sealed class DataPanelStoreTests
{
    /// <summary>08:15 in Jakarta on 14 September 2025.</summary>
    private static readonly DateTimeOffset Start = new(2025, 9, 14, 1, 15, 0, TimeSpan.Zero);

    private static readonly string[] Exports = ["transactions", "point_transactions", "users", "coin_payments"];

    [Fact]
    public void Constructor_SameSeedAndStartDate_GivesSameRecords()
    {
        var morning = Store(Start);
        var evening = Store(Start.AddHours(10));

        var differences = Exports.Where(e => TruthCsv.Write(morning, e, null, null) != TruthCsv.Write(evening, e, null, null));

        Assert.Empty(differences);
        Assert.Equal(new DateTime(2025, 9, 14, 8, 15, 0), morning.Now);
    }

    [Fact]
    public void Constructor_OtherSeed_GivesOtherRecords()
    {
        var first = Store(Start);
        var second = Store(Start, o => o.Seed = 7);

        Assert.NotEqual(TruthCsv.Write(first, "transactions", null, null), TruthCsv.Write(second, "transactions", null, null));
    }

    [Fact]
    public void Constructor_DefaultSizes_SpreadsTheSizesOverTheHistoryDaysBeforeNow()
    {
        var options = new SandboxOptions();

        var store = Store(Start);

        var history = (From: new DateTime(2025, 8, 15), To: new DateTime(2025, 9, 14));
        var transactions = store.Transactions(null, null);
        var points = store.PointTransactions(null, null);
        var payments = store.CoinPayments(null, null);
        Assert.Equal(options.Transactions, transactions.Count);
        Assert.Equal(options.PointTransactions, points.Count);
        Assert.Equal(options.Users, store.Users().Count);
        Assert.Equal(options.CoinPayments, payments.Count);
        var moments = transactions.Select(t => t.At).Concat(points.Select(p => p.CreatedAt)).Concat(payments.Select(c => c.PaidAt));
        Assert.All(moments, at => Assert.InRange(at, history.From, history.To.AddMinutes(-1)));
        Assert.True(transactions.Select(t => t.At).SequenceEqual(transactions.Select(t => t.At).Order()));
        Assert.True(points.Select(p => p.CreatedAt).SequenceEqual(points.Select(p => p.CreatedAt).Order()));
        Assert.Equal(30, transactions.Select(t => t.At.Date).Distinct().Count());
        Assert.All(transactions.Concat<object>(points).Concat(payments), r => Assert.Equal(0, Moment(r).Second));
        Assert.Equal(transactions.Count, transactions.Select(t => t.InvoiceNo).Distinct().Count());
    }

    [Fact]
    public void Constructor_Records_ReferenceUsersAndInvoicesConsistently()
    {
        var store = Store(Start);

        var users = store.Users();
        var names = users.Select(u => u.Name).ToHashSet();
        var sales = store.Transactions(null, null).ToDictionary(t => t.InvoiceNo);
        Assert.All(
            store.Transactions(null, null).Where(t => t.MemberName.Length > 0), t => Assert.Contains(t.MemberName, names));
        Assert.All(store.PointTransactions(null, null), p => Assert.Contains(p.UserName, names));
        Assert.All(store.CoinPayments(null, null), c =>
        {
            var sale = sales[c.InvoiceNo];
            Assert.Equal(sale.MemberName, c.UserName);
            Assert.Equal(sale.At, c.PaidAt);
            Assert.Equal(c.Coins * 100, c.Amount);
        });
        var earned = store.PointTransactions(null, null)
            .Where(p => p.Type == "Tambah" && p.Description?.StartsWith("Poin belanja", StringComparison.Ordinal) == true);
        Assert.All(earned, p => Assert.Contains(p.Description!.Split(' ')[2], sales.Keys));
        var lastBalances = store.PointTransactions(null, null)
            .Where(p => users.Count(u => u.Name == p.UserName) == 1)
            .GroupBy(p => p.UserName).ToDictionary(g => g.Key, g => g.Last().Balance);
        Assert.NotEmpty(lastBalances);
        Assert.All(lastBalances, b => Assert.Equal(b.Value, users.Single(u => u.Name == b.Key).Points));
    }

    [Fact]
    public void Constructor_Records_CarryTheTrapsOfTheExports()
    {
        var store = Store(Start);

        var users = store.Users();
        var points = store.PointTransactions(null, null);
        var sales = store.Transactions(null, null);
        Assert.Contains(users, u => u.Email is null);
        Assert.Contains(points, p => p.UserEmail is null);
        Assert.Contains(points, p => p.Description is null);
        Assert.Contains(points, p => p.Description is { Length: > 120 });
        Assert.Contains(points, p => p.Points < 0);
        Assert.Contains(points, p => p.Description is ['=' or '+' or '-' or '@', ..]);
        Assert.Contains(users, u => u.Name.Contains(',', StringComparison.Ordinal));
        Assert.Contains(users, u => u.Phone.StartsWith("+62 ", StringComparison.Ordinal));
        Assert.Contains(sales, t => t.MemberName.Length == 0 && t.MemberPhone.Length == 0);
        Assert.All(users.Where(u => !u.Phone.StartsWith('+')), u => Assert.Matches("^08[0-9]{9,10}$", u.Phone));
        Assert.Equal(["Dibatalkan", "Pending", "Selesai"], sales.Select(t => t.Status).Distinct().Order());
        Assert.Equal(["Kedaluwarsa", "Penyesuaian", "Tambah", "Tukar"], points.Select(p => p.Type).Distinct().Order());
        Assert.Equal(["Gold", "Platinum", "Silver"], users.Select(u => u.Tier).Distinct().Order());
        Assert.Contains(sales, t => t.PaymentMethod == "QRIS");
        Assert.Contains(sales, t => t.Store == "Cabang Bandung");
    }

    [Fact]
    public void Transactions_DateWindow_ReturnsTheRecordsOfThoseDatesInclusive()
    {
        var store = Store(Start);
        var (from, to) = (new DateOnly(2025, 9, 8), new DateOnly(2025, 9, 10));

        var window = store.Transactions(from, to);

        var expected = store.Transactions(null, null)
            .Where(t => DateOnly.FromDateTime(t.At) >= from && DateOnly.FromDateTime(t.At) <= to);
        Assert.Equal(expected, window);
        Assert.Equal([from, from.AddDays(1), to], window.Select(t => DateOnly.FromDateTime(t.At)).Distinct());
        Assert.Empty(store.PointTransactions(to, from));
        Assert.Equal(
            store.CoinPayments(null, null).Count(c => c.PaidAt < new DateTime(2025, 9, 1)),
            store.CoinPayments(null, new DateOnly(2025, 8, 31)).Count);
    }

    [Fact]
    public void Advance_SameSteps_GivesSameRecordsAndChanges()
    {
        var first = Store(Start);
        var second = Store(Start);

        var firstResults = new[] { first.Advance(TimeSpan.FromHours(12)), first.Advance(TimeSpan.FromHours(30)) };
        var secondResults = new[] { second.Advance(TimeSpan.FromHours(12)), second.Advance(TimeSpan.FromHours(30)) };

        Assert.All(Exports, e => Assert.Equal(TruthCsv.Write(first, e, null, null), TruthCsv.Write(second, e, null, null)));
        Assert.Equal(
            firstResults.SelectMany(r => r.Exports).SelectMany(e => e.Added.Concat(e.Changed)),
            secondResults.SelectMany(r => r.Exports).SelectMany(e => e.Added.Concat(e.Changed)));
    }

    [Fact]
    public void Advance_TwelveHours_AddsRecordsInTheNewPeriodAndChangesSome()
    {
        var store = Store(Start);
        var before = (
            Sales: store.Transactions(null, null).ToDictionary(t => t.InvoiceNo),
            Users: store.Users().ToDictionary(u => u.UserId));

        var result = store.Advance(TimeSpan.FromHours(12));

        var changes = result.Exports.ToDictionary(e => e.Export);
        Assert.Equal(new DateTime(2025, 9, 14, 20, 15, 0), store.Now);
        Assert.Equal((Start.AddHours(7).DateTime, store.Now), (result.From, result.To));
        var added = changes["transactions"].Added;
        Assert.InRange(added.Count, 20, 80);
        Assert.All(store.Transactions(null, null).Where(t => added.Contains(t.InvoiceNo)),
            t => Assert.InRange(t.At, new DateTime(2025, 9, 14), store.Now));
        Assert.NotEmpty(changes["point_transactions"].Added);
        Assert.NotEmpty(changes["coin_payments"].Added);
        Assert.NotEmpty(changes["users"].Added);
        var settled = changes["transactions"].Changed;
        Assert.NotEmpty(settled);
        Assert.All(settled, invoice =>
        {
            Assert.Equal("Pending", before.Sales[invoice].Status);
            Assert.NotEqual("Pending", store.Transactions(null, null).Single(t => t.InvoiceNo == invoice).Status);
        });
        Assert.Contains(
            changes["users"].Changed, id => before.Users[id].Tier != store.Users().Single(u => u.UserId == id).Tier);
        Assert.Equal(before.Users.Count + changes["users"].Added.Count, store.Users().Count);
    }

    private static PanelStore Store(DateTimeOffset start, Action<SandboxOptions>? configure = null)
    {
        var options = new SandboxOptions();
        configure?.Invoke(options);

        return new PanelStore(options, new FakeTimeProvider(start));
    }

    private static DateTime Moment(object record) => record switch
    {
        Transaction t => t.At,
        PointTransaction p => p.CreatedAt,
        CoinPayment c => c.PaidAt,
        _ => throw new ArgumentException("Not a timed record.", nameof(record)),
    };
}

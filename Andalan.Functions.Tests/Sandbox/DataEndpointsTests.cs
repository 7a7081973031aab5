using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Andalan.Functions.Tests.Fixtures;
using Andalan.Sandbox.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Andalan.Functions.Tests.Sandbox;

public sealed class DataEndpointsTests : IClassFixture<SandboxFixture>
{
    private readonly SandboxFixture _fixture;

    public DataEndpointsTests(SandboxFixture fixture) => _fixture = fixture;

    private PanelStore Store => _fixture.Sandbox.Services.GetRequiredService<PanelStore>();

    [Fact]
    public async Task Truth_TransactionsForADateWindow_MatchesTheStoreAsCanonicalCsv()
    {
        var to = DateOnly.FromDateTime(Store.Now).AddDays(-2);
        var from = to.AddDays(-3);

        var csv = await _fixture.Http.GetStringAsync(
            $"/_sandbox/truth/transactions?date_from={from:yyyy-MM-dd}&date_to={to:yyyy-MM-dd}");

        var lines = csv.Split("\r\n");
        var expected = Store.Transactions(from, to);
        Assert.Equal(
            "invoice_no,transaction_at,member_name,member_phone,store,total_amount,points_earned,payment_method,status",
            lines[0]);
        Assert.Equal(expected.Count + 2, lines.Length);
        Assert.Equal(string.Empty, lines[^1]);
        Assert.Equal(expected.Select(t => t.InvoiceNo), lines[1..^1].Select(l => l.Split(',')[0]));
        var first = expected[0];
        Assert.StartsWith($"{first.InvoiceNo},{first.At:yyyy-MM-dd'T'HH:mm:ss},", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(
            $",{first.TotalAmount},{first.PointsEarned},{first.PaymentMethod},{first.Status}", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Truth_PointTransactions_QuotesCommasAndLeavesMissingValuesEmpty()
    {
        var csv = await _fixture.Http.GetStringAsync("/_sandbox/truth/point_transactions");

        var records = Store.PointTransactions(null, null);
        var noEmail = records.First(p => p.UserEmail is null);
        var withComma = records.First(p => p.Description?.Contains(',', StringComparison.Ordinal) == true);
        Assert.Contains(
            $"\r\n{noEmail.Id},{noEmail.CreatedAt:yyyy-MM-dd'T'HH:mm:ss},{noEmail.UserName},,{noEmail.Type},", csv,
            StringComparison.Ordinal);
        Assert.Contains($",\"{withComma.Description}\",{withComma.Balance}\r\n", csv, StringComparison.Ordinal);
        Assert.Equal(records.Count + 1, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task Truth_UsersAndCoinPayments_HaveTheSchemaHeaders()
    {
        var users = await _fixture.Http.GetStringAsync("/_sandbox/truth/users?date_from=2000-01-01&date_to=2000-01-02");
        var payments = await _fixture.Http.GetStringAsync("/_sandbox/truth/coin_payments");

        Assert.StartsWith(
            "user_id,name,email,phone,registered_at,tier,points,coins,status\r\nU000001,", users, StringComparison.Ordinal);
        Assert.Equal(Store.Users().Count + 1, users.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.StartsWith(
            "payment_id,paid_at,user_name,invoice_no,coins,amount,status\r\n", payments, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Truth_UnknownExportOrBadDate_AnswersNotFoundOrBadRequest()
    {
        using var unknown = await _fixture.Http.GetAsync("/_sandbox/truth/orders");
        using var badDate = await _fixture.Http.GetAsync("/_sandbox/truth/transactions?date_from=14/09/2025");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
    }

    [Fact]
    public async Task Advance_TwelveHours_MovesTheClockAndReportsWhatChanged()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        using var http = new HttpClient { BaseAddress = sandbox.Addresses.BaseUrl };
        var store = sandbox.Services.GetRequiredService<PanelStore>();
        var before = store.Now;

        using var response = await http.PostAsJsonAsync("/_sandbox/advance", new { hours = 12 });

        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var exports = body.RootElement.GetProperty("exports").EnumerateArray()
            .ToDictionary(e => e.GetProperty("export").GetString()!, e => e);
        Assert.Equal(before.AddHours(12), store.Now);
        Assert.Equal(["transactions", "point_transactions", "users", "coin_payments"], exports.Keys);
        var added = exports["transactions"].GetProperty("added").EnumerateArray().Select(a => a.GetString()).ToList();
        Assert.NotEmpty(added);
        Assert.Equal(added, store.Transactions(null, null).TakeLast(added.Count).Select(t => t.InvoiceNo));
        Assert.NotEmpty(exports["users"].GetProperty("changed").EnumerateArray());
    }

    [Fact]
    public async Task Advance_NegativeHours_AnswersBadRequest()
    {
        using var response = await _fixture.Http.PostAsJsonAsync("/_sandbox/advance", new { hours = -1 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}

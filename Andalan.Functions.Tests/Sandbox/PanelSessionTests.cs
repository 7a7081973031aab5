using System.Net;
using System.Text;
using Andalan.Sandbox.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Andalan.Functions.Tests.Sandbox;

[Collection(PanelSandboxFixture.Name)]
public sealed class PanelSessionTests(PanelSandboxFixture fixture) : IDisposable
{
    private readonly FakeTimeProvider _clock = fixture.Clock;
    private readonly SandboxInstance _sandbox = fixture.Sandbox;
    private readonly PanelTestClient _panel = fixture.StartTest();

    public void Dispose() => _panel.Dispose();

    [Fact]
    public async Task Dashboard_VisitedWithinIdleLifetime_StaysSignedIn()
    {
        await _panel.SignInAsync();

        _clock.Advance(TimeSpan.FromMinutes(29));
        using var first = await _panel.Http.GetAsync("/dashboard");
        _clock.Advance(TimeSpan.FromMinutes(29));
        using var second = await _panel.Http.GetAsync("/dashboard");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
    }

    [Fact]
    public async Task Dashboard_AfterIdleLifetime_RedirectsToLogin()
    {
        await _panel.SignInAsync();

        _clock.Advance(TimeSpan.FromMinutes(30.5));
        using var response = await _panel.Http.GetAsync("/dashboard");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/login", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Dashboard_AfterExpireSessionsSwitch_RedirectsToLoginUntilNextLogin()
    {
        await _panel.SignInAsync();
        _clock.Advance(TimeSpan.FromSeconds(1));
        using var body = new StringContent("""{"expireSessions":true}""", Encoding.UTF8, "application/json");
        (await _panel.Http.PostAsync("/_sandbox/faults/panel", body)).EnsureSuccessStatusCode();

        using var expired = await _panel.Http.GetAsync("/reports/users");
        _clock.Advance(TimeSpan.FromSeconds(1));
        var next = await _panel.SignInAsync();
        using var again = await _panel.Http.GetAsync(next);

        Assert.Equal(HttpStatusCode.Found, expired.StatusCode);
        Assert.Equal("/login", expired.Headers.Location?.OriginalString);
        Assert.Equal("/reports/users", next);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task ReportPage_WithoutSession_RedirectsToLoginAndBackAfterIt()
    {
        using var redirected = await _panel.Http.GetAsync("/reports/point-transactions?page=2");
        var token = await _panel.OpenLoginFormAsync();

        using var login = await _panel.PostRightLoginAsync(token);

        Assert.Equal("/login", redirected.Headers.Location?.OriginalString);
        Assert.Equal("/reports/point-transactions?page=2", login.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task CoinPaymentsData_WithoutSession_AnswersUnauthenticatedJson()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/reports/coin-payments/data");
        request.Headers.Accept.ParseAdd("application/json");

        using var response = await _panel.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("""{"message":"Unauthenticated."}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Export_WithoutSession_RedirectsToLogin()
    {
        using var response = await _panel.Http.GetAsync(
            "/reports/transactions/export?date_from=2025-09-08&date_to=2025-09-14");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/login", response.Headers.Location?.OriginalString);
    }
}

using System.Net;
using System.Text.RegularExpressions;
using Andalan.Sandbox.Faults;
using Andalan.Sandbox.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Andalan.Functions.Tests.Sandbox;

[Collection(PanelSandboxFixture.Name)]
public sealed class PanelLoginTests(PanelSandboxFixture fixture) : IDisposable
{
    private const string WrongCredentials = "These credentials do not match our records.";

    private readonly FakeTimeProvider _clock = fixture.Clock;
    private readonly SandboxInstance _sandbox = fixture.Sandbox;
    private readonly PanelTestClient _panel = fixture.StartTest();

    public void Dispose() => _panel.Dispose();

    [Fact]
    public async Task LoginForm_Get_HasLaravelFieldsAndGuestSessionCookie()
    {
        var html = await _panel.Http.GetStringAsync("/login");

        Assert.Contains("""<form id="login-form" method="post" action="/login">""", html, StringComparison.Ordinal);
        Assert.Matches("""<input type="hidden" name="_token" value="[A-Za-z0-9_-]{40}">""", html);
        Assert.Contains("""name="email" type="email" """, html, StringComparison.Ordinal);
        Assert.Contains("""name="password" type="password" """, html, StringComparison.Ordinal);
        Assert.Contains(
            """<button type="submit" class="btn btn-primary btn-block">Masuk</button>""",
            html,
            StringComparison.Ordinal);
        Assert.NotNull(_panel.Cookie("andalan_session"));
    }

    [Fact]
    public async Task Login_WithoutToken_AnswersPageExpired()
    {
        await _panel.OpenLoginFormAsync();

        using var response = await _panel.PostRightLoginAsync(null);

        Assert.Equal(419, (int)response.StatusCode);
        Assert.Contains("Page Expired", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Found, (await _panel.Http.GetAsync("/dashboard")).StatusCode);
    }

    [Fact]
    public async Task Login_WithTokenOfAnotherSession_AnswersPageExpired()
    {
        using var other = new PanelTestClient(_sandbox);
        var foreignToken = await other.OpenLoginFormAsync();
        await _panel.OpenLoginFormAsync();

        using var response = await _panel.PostRightLoginAsync(foreignToken);

        Assert.Equal(419, (int)response.StatusCode);
    }

    [Fact]
    public async Task Login_AfterFormSatIdlePastSessionLifetime_AnswersPageExpired()
    {
        var token = await _panel.OpenLoginFormAsync();
        _clock.Advance(TimeSpan.FromMinutes(_sandbox.Options.SessionIdleMinutes + 1));

        using var response = await _panel.PostRightLoginAsync(token);

        Assert.Equal(419, (int)response.StatusCode);
    }

    [Fact]
    public async Task Login_WithWrongPassword_ShowsFormAgainWithErrorAndTypedEmailOnly()
    {
        var token = await _panel.OpenLoginFormAsync();

        var html = await _panel.FailLoginAsync(token, "Salah-Sandi-123");

        Assert.Contains(
            $"""<div class="alert alert-danger" role="alert">{WrongCredentials}</div>""",
            html, StringComparison.Ordinal);
        Assert.Matches($"""type="email" value="{Regex.Escape(_sandbox.Credentials.PanelUser)}"\s""", html);
        Assert.DoesNotContain("Salah-Sandi-123", html, StringComparison.Ordinal);
        Assert.DoesNotContain("alert-danger", await _panel.Http.GetStringAsync("/login"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_WithRefuseLoginsSwitch_RejectsRightPassword()
    {
        _sandbox.Faults.Panel.RefuseLogins = true;
        var token = await _panel.OpenLoginFormAsync();

        var html = await _panel.FailLoginAsync(token, _sandbox.Credentials.PanelPassword);

        Assert.Contains(WrongCredentials, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_AfterFiveFailuresInAMinute_LocksFormWithCountdownThenUnlocks()
    {
        var token = await _panel.OpenLoginFormAsync();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await _panel.FailLoginAsync(token, $"wrong-{attempt}");
            _clock.Advance(TimeSpan.FromSeconds(5));
        }

        var locked = await _panel.FailLoginAsync(token, _sandbox.Credentials.PanelPassword);
        using var otherUser = await _panel.PostLoginAsync(token, "kasir@andalan-atk.test", "kasir-123");
        var otherUserForm = await _panel.Http.GetStringAsync("/login");
        _clock.Advance(TimeSpan.FromSeconds(20));
        var later = await _panel.FailLoginAsync(token, _sandbox.Credentials.PanelPassword);
        _clock.Advance(TimeSpan.FromSeconds(36));
        using var unlocked = await _panel.PostRightLoginAsync(token);

        Assert.Contains("Too many login attempts. Please try again in 55 seconds.", locked, StringComparison.Ordinal);
        Assert.Contains("Too many login attempts. Please try again in 35 seconds.", later, StringComparison.Ordinal);
        Assert.Contains(WrongCredentials, otherUserForm, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Found, unlocked.StatusCode);
        Assert.Equal("/dashboard", unlocked.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Login_FailuresSpreadOverMoreThanAMinute_DoNotLock()
    {
        var token = await _panel.OpenLoginFormAsync();
        for (var attempt = 0; attempt < 6; attempt++)
        {
            var html = await _panel.FailLoginAsync(token, $"wrong-{attempt}");
            Assert.Contains(WrongCredentials, html, StringComparison.Ordinal);
            _clock.Advance(TimeSpan.FromSeconds(16));
        }

        using var response = await _panel.PostRightLoginAsync(token);

        Assert.Equal("/dashboard", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Login_WithRightCredentials_RotatesSessionAndSetsLaravelCookies()
    {
        var token = await _panel.OpenLoginFormAsync();
        var guestSession = _panel.Cookie("andalan_session")!.Value;

        using var response = await _panel.PostRightLoginAsync(token);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/dashboard", response.Headers.Location?.OriginalString);
        var setCookies = response.Headers.GetValues("Set-Cookie").ToList();
        var session = Assert.Single(setCookies, c => c.StartsWith("andalan_session=", StringComparison.Ordinal));
        Assert.Contains("httponly", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(setCookies, c => c.StartsWith("XSRF-TOKEN=", StringComparison.Ordinal));
        Assert.NotEqual(guestSession, _panel.Cookie("andalan_session")!.Value);
        using var dashboard = await _panel.Http.GetAsync("/dashboard");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        var html = await dashboard.Content.ReadAsStringAsync();
        Assert.All(
            ["/reports/transactions", "/reports/point-transactions", "/reports/users", "/reports/coin-payments"],
            link => Assert.Contains($"href=\"{link}\"", html, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Login_ReplayingGuestSessionIdAfterLogin_IsNotSignedIn()
    {
        var token = await _panel.OpenLoginFormAsync();
        var guestSession = _panel.Cookie("andalan_session")!.Value;
        (await _panel.PostRightLoginAsync(token)).Dispose();
        using var attacker = new HttpClient { BaseAddress = _sandbox.Addresses.BaseUrl };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/dashboard");
        request.Headers.Add("Cookie", $"andalan_session={guestSession}");

        using var response = await attacker.SendAsync(request);

        Assert.Equal("/login", response.RequestMessage?.RequestUri?.AbsolutePath);
    }

    [Fact]
    public async Task Logout_WithToken_EndsSession()
    {
        await _panel.SignInAsync();
        var dashboard = await _panel.Http.GetStringAsync("/dashboard");
        var token = Regex.Match(dashboard, """name="_token" value="([^"]+)""").Groups[1].Value;

        using var response = await _panel.Http.PostAsync(
            "/logout", new FormUrlEncodedContent([new KeyValuePair<string, string>("_token", token)]));

        Assert.Equal("/login", response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Found, (await _panel.Http.GetAsync("/dashboard")).StatusCode);
    }

    [Fact]
    public async Task MaintenanceSwitch_EveryPanelPage_AnswersServiceUnavailable()
    {
        await _panel.SignInAsync();
        using var body = new StringContent("""{"maintenance":true}""", System.Text.Encoding.UTF8, "application/json");
        (await _panel.Http.PostAsync("/_sandbox/faults/panel", body)).EnsureSuccessStatusCode();

        foreach (var path in new[] { "/login", "/dashboard", "/reports/transactions", "/reports/coin-payments/data" })
        {
            using var response = await _panel.Http.GetAsync(path);
            var html = await response.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Contains("Service Unavailable", html, StringComparison.Ordinal);
            Assert.Contains("Sedang dalam pemeliharaan", html, StringComparison.Ordinal);
        }

        _sandbox.Faults.Reset();
        Assert.Equal(HttpStatusCode.OK, (await _panel.Http.GetAsync("/dashboard")).StatusCode);
    }
}

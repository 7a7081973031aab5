using System.Net;
using System.Text.RegularExpressions;
using Andalan.Functions.Backend;
using Andalan.Functions.Tests.Fixtures;
using Andalan.Sandbox.Faults;
using Andalan.Sandbox.Hosting;
using Microsoft.Extensions.Logging.Testing;

namespace Andalan.Functions.Tests.Backend;

/// <summary>A throttled login, on a sandbox of its own: the lockout would otherwise reach the other tests.</summary>
[Collection(PanelBrowserGroup.Name)]
public sealed partial class LoginThrottleTests : IAsyncLifetime
{
    private SandboxInstance? _sandbox;

    public async Task InitializeAsync() => _sandbox = await SandboxFixture.StartAsync();

    public async Task DisposeAsync() => await _sandbox!.DisposeAsync();

    [Fact]
    public async Task EnsureLoggedInAsync_AfterFiveFailedLogins_SaysWhenToTryAgainAndWaits()
    {
        await FailLoginsOverHttpAsync(5);
        var before = LoginPosts();
        var options = BackendTestSupport.OptionsFor(
            _sandbox!, o => o.EvidenceDirectory = Path.Combine(Path.GetTempPath(), "andalan-throttle-evidence"));
        await using var session = BackendTestSupport.Session(options, new FakeLogger<BackendSession>());

        var first = await Assert.ThrowsAsync<BackendException>(() => session.EnsureLoggedInAsync(CancellationToken.None));
        var second = await Assert.ThrowsAsync<BackendException>(() => session.EnsureLoggedInAsync(CancellationToken.None));

        Assert.Equal(BackendFailure.LoginThrottled, first.Kind);
        Assert.True(first.IsRetryable);
        Assert.InRange(first.RetryAfter!.Value, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(61));
        Assert.Contains("Too many login attempts", first.Message, StringComparison.Ordinal);
        Assert.Same(first, second);
        Assert.Equal(before + 1, LoginPosts());
    }

    /// <summary>Logs in with a wrong password the way a person at a browser would, without Chromium.</summary>
    private async Task FailLoginsOverHttpAsync(int times)
    {
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() })
        {
            BaseAddress = _sandbox!.Addresses.BaseUrl,
        };
        for (var i = 0; i < times; i++)
        {
            var form = await http.GetStringAsync(new Uri("/login", UriKind.Relative));
            var token = TokenInput().Match(form).Groups[1].Value;
            using var body = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_token"] = token,
                ["email"] = _sandbox.Credentials.PanelUser,
                ["password"] = "wrong-password",
            });
            using var response = await http.PostAsync(new Uri("/login", UriKind.Relative), body);
        }
    }

    private int LoginPosts() =>
        _sandbox!.Calls.Calls(SandboxService.Panel).Count(c => c.Method == "POST" && c.Path == "/login");

    [GeneratedRegex("name=\"_token\" value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();
}

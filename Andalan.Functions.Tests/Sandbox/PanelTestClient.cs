using System.Net;
using System.Text.RegularExpressions;
using Andalan.Sandbox.Hosting;

namespace Andalan.Functions.Tests.Sandbox;

/// <summary>
/// A cookie-keeping http client for the sandbox's admin panel that does not follow redirects, so tests see the
/// panel's 302s, plus the steps of a form login.
/// </summary>
public sealed partial class PanelTestClient : IDisposable
{
    private readonly HttpClientHandler _handler;
    private readonly SandboxInstance _sandbox;

    public PanelTestClient(SandboxInstance sandbox)
    {
        _sandbox = sandbox;
        _handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        Http = new HttpClient(_handler) { BaseAddress = sandbox.Addresses.BaseUrl };
    }

    public HttpClient Http { get; }

    public Cookie? Cookie(string name) => _handler.CookieContainer.GetCookies(_sandbox.Addresses.BaseUrl)[name];

    /// <summary>Opens the login form and returns its CSRF token.</summary>
    public async Task<string> OpenLoginFormAsync()
    {
        var html = await Http.GetStringAsync("/login");

        return TokenPattern().Match(html) is { Success: true } match
            ? match.Groups[1].Value
            : throw new InvalidOperationException("The login form carries no _token field.");
    }

    /// <summary>Posts the login form as a browser would; a null token leaves the field out.</summary>
    public Task<HttpResponseMessage> PostLoginAsync(string? token, string email, string password)
    {
        var fields = new List<KeyValuePair<string, string>> { new("email", email), new("password", password) };
        if (token is not null)
        {
            fields.Add(new("_token", token));
        }

        return Http.PostAsync("/login", new FormUrlEncodedContent(fields));
    }

    /// <summary>Posts the login form with the sandbox's panel credentials.</summary>
    public Task<HttpResponseMessage> PostRightLoginAsync(string? token) =>
        PostLoginAsync(token, _sandbox.Credentials.PanelUser, _sandbox.Credentials.PanelPassword);

    /// <summary>
    /// Posts the login form for the panel's user with a password that should not get in, follows the redirect back
    /// to the form, and returns the page shown.
    /// </summary>
    public async Task<string> FailLoginAsync(string token, string password)
    {
        using var response = await PostLoginAsync(token, _sandbox.Credentials.PanelUser, password);
        if (response.StatusCode != HttpStatusCode.Found || response.Headers.Location?.OriginalString != "/login")
        {
            throw new InvalidOperationException(
                $"The login answered {(int)response.StatusCode}, not a redirect back to /login.");
        }

        return await Http.GetStringAsync("/login");
    }

    /// <summary>Logs in with the sandbox's panel credentials; returns where the panel sends the browser next.</summary>
    public async Task<string> SignInAsync()
    {
        var token = await OpenLoginFormAsync();
        using var response = await PostRightLoginAsync(token);
        var location = response.Headers.Location?.OriginalString;
        if (response.StatusCode != HttpStatusCode.Found || location is null or "/login")
        {
            throw new InvalidOperationException(
                $"The login answered {(int)response.StatusCode} to {location}, not a way in.");
        }

        return location;
    }

    public void Dispose()
    {
        Http.Dispose();
        _handler.Dispose();
    }

    [GeneratedRegex("""name="_token" value="([^"]+)""")]
    private static partial Regex TokenPattern();
}

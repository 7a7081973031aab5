using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Andalan.Sandbox.Hosting;

namespace Andalan.Functions.Tests.Sheets;

/// <summary>
/// Talks to the sandbox's Sheets and OAuth endpoints the raw way, for tests of the sandbox itself: it signs
/// JWT assertions by hand (with the sandbox's key or another) and sends requests as they are written.
/// </summary>
internal sealed class SandboxSheetsCaller : IDisposable
{
    private readonly SandboxInstance _sandbox;

    public SandboxSheetsCaller(SandboxInstance sandbox)
    {
        _sandbox = sandbox;
        Http = new HttpClient { BaseAddress = sandbox.Addresses.BaseUrl };
    }

    public HttpClient Http { get; }

    public string Spreadsheet => "/v4/spreadsheets/" + _sandbox.Options.SpreadsheetId;

    /// <summary>A JWT bearer assertion as Google's client libraries make one.</summary>
    public string Assertion(
        RSA? key = null,
        string? issuer = null,
        string? audience = null,
        DateTimeOffset? issuedAt = null,
        TimeSpan? lifetime = null,
        string scope = "https://www.googleapis.com/auth/spreadsheets")
    {
        var iat = issuedAt ?? DateTimeOffset.UtcNow;
        var header = new Dictionary<string, object>
        {
            ["alg"] = "RS256",
            ["typ"] = "JWT",
            ["kid"] = _sandbox.Credentials.PrivateKeyId,
        };
        var claims = new Dictionary<string, object>
        {
            ["iss"] = issuer ?? _sandbox.Credentials.ServiceAccountEmail,
            ["aud"] = audience ?? _sandbox.Addresses.TokenUrl.ToString(),
            ["iat"] = iat.ToUnixTimeSeconds(),
            ["exp"] = (iat + (lifetime ?? TimeSpan.FromHours(1))).ToUnixTimeSeconds(),
            ["scope"] = scope,
        };
        var signed = Base64Url(JsonSerializer.SerializeToUtf8Bytes(header)) + "." +
            Base64Url(JsonSerializer.SerializeToUtf8Bytes(claims));
        var signature = (key ?? _sandbox.Credentials.ServiceAccountKey).SignData(
            Encoding.ASCII.GetBytes(signed), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

        return signed + "." + Base64Url(signature);
    }

    public async Task<HttpResponseMessage> ExchangeAsync(string assertion) =>
        await Http.PostAsync(
            new Uri("/oauth2/token", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "urn:ietf:params:oauth:grant-type:jwt-bearer",
                ["assertion"] = assertion,
            }));

    /// <summary>Gets a token with a valid assertion and puts it on every later request.</summary>
    public async Task AuthorizeAsync()
    {
        using var response = await ExchangeAsync(Assertion());
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var token = body.RootElement.GetProperty("access_token").GetString();
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    public async Task<(int Status, JsonElement Body)> SendAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(Spreadsheet + path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await Http.SendAsync(request);

        return ((int)response.StatusCode, await BodyOf(response));
    }

    /// <summary>values.update of rows at a range, RAW or USER_ENTERED.</summary>
    public Task<(int Status, JsonElement Body)> WriteAsync(string range, object[][] rows, string input = "RAW") =>
        SendAsync(HttpMethod.Put, $"/values/{Range(range)}?valueInputOption={input}", new { values = rows });

    /// <summary>values.append of rows after the table in a range, inserting rows.</summary>
    public Task<(int Status, JsonElement Body)> AppendAsync(string range, object[][] rows) =>
        SendAsync(
            HttpMethod.Post,
            $"/values/{Range(range)}:append?valueInputOption=RAW&insertDataOption=INSERT_ROWS",
            new { values = rows });

    /// <summary>values.get of a range; <paramref name="query"/> adds options such as valueRenderOption.</summary>
    public Task<(int Status, JsonElement Body)> ReadAsync(string range, string query = "") =>
        SendAsync(HttpMethod.Get, $"/values/{Range(range)}{(query.Length > 0 ? "?" + query : string.Empty)}");

    public static string ErrorMessage(JsonElement body) =>
        body.GetProperty("error").GetProperty("message").GetString()!;

    public static string ErrorStatus(JsonElement body) => body.GetProperty("error").GetProperty("status").GetString()!;

    public static async Task<JsonElement> BodyOf(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();

        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Escapes a range for the URL path as client libraries do.</summary>
    public static string Range(string a1) => Uri.EscapeDataString(a1);

    public void Dispose() => Http.Dispose();

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

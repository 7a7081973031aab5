using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Andalan.Sandbox.Hosting;

namespace Andalan.Sandbox.Sheets;

/// <summary>
/// Google's OAuth token endpoint for service accounts (RFC 7523 JWT bearer grant): it verifies the RS256
/// assertion with the public half of the key the sandbox generated, checks issuer, audience, lifetime and
/// scope, and issues an opaque access token that expires.
/// </summary>
public sealed class TokenIssuer(
    SandboxCredentials credentials, SandboxAddresses addresses, SheetsLimits limits, TimeProvider time)
{
    public const string JwtBearerGrant = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    /// <summary>Google refuses assertions that live longer than an hour.</summary>
    private static readonly TimeSpan MaxAssertionLifetime = TimeSpan.FromHours(1);

    /// <summary>Clock skew tolerated between the client and the token endpoint.</summary>
    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Google's own token addresses, which Google's client libraries put in the assertion's audience whatever
    /// token_uri they post to; Google accepts them, so the stand-in does too.
    /// </summary>
    private static readonly HashSet<string?> GoogleTokenAudiences = new(StringComparer.Ordinal)
    {
        "https://oauth2.googleapis.com/token",
        "https://www.googleapis.com/oauth2/v4/token",
        "https://accounts.google.com/o/oauth2/token",
    };

    private readonly ConcurrentDictionary<string, AccessGrant> _tokens = new(StringComparer.Ordinal);

    /// <summary>How many access tokens were issued; tests see the client cache them.</summary>
    public int Issued => _tokens.Count;

    /// <summary>Every access token handed out, for tests that look for leaked secrets.</summary>
    public IReadOnlyCollection<string> IssuedTokens => [.. _tokens.Keys];

    public IResult Exchange(string? grantType, string? assertion)
    {
        if (grantType != JwtBearerGrant)
        {
            return Error("unsupported_grant_type", $"Invalid grant_type: {grantType}");
        }

        if (string.IsNullOrEmpty(assertion))
        {
            return Error("invalid_request", "Missing required parameter: assertion");
        }

        var parts = assertion.Split('.');
        if (parts.Length != 3)
        {
            return Error("invalid_grant", "Invalid JWT: the assertion is not a signed JWT.");
        }

        JsonElement header;
        JsonElement claims;
        byte[] signature;
        try
        {
            header = JsonDocument.Parse(Base64Url(parts[0])).RootElement;
            claims = JsonDocument.Parse(Base64Url(parts[1])).RootElement;
            signature = Base64Url(parts[2]);
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return Error("invalid_grant", "Invalid JWT: the assertion is not a signed JWT.");
        }

        var signed = Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]);
        if (Text(header, "alg") != "RS256" ||
            !credentials.ServiceAccountKey.VerifyData(
                signed, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
        {
            return Error("invalid_grant", "Invalid JWT Signature.");
        }

        if (Text(claims, "iss") != credentials.ServiceAccountEmail)
        {
            return Error("invalid_grant", "Invalid grant: account not found");
        }

        var audience = Text(claims, "aud");
        if (audience != addresses.TokenUrl.ToString() && !GoogleTokenAudiences.Contains(audience))
        {
            return Error(
                "invalid_grant", $"Invalid JWT: Failed audience check. The expected audience is {addresses.TokenUrl}.");
        }

        var now = time.GetUtcNow();
        var issuedAt = Seconds(claims, "iat");
        var expires = Seconds(claims, "exp");
        if (issuedAt is null || expires is null || issuedAt > now + Skew || expires < now || expires <= issuedAt ||
            expires - issuedAt > MaxAssertionLifetime)
        {
            return Error(
                "invalid_grant",
                "Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. " +
                "Check your iat and exp values in the JWT claim.");
        }

        var scopes = (Text(claims, "scope") ?? string.Empty)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .ToHashSet(StringComparer.Ordinal);
        if (scopes.Count == 0)
        {
            return Error("invalid_scope", "Empty or missing scope not allowed.");
        }

        var token = "ya29.sandbox-" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(48))
            .Replace('+', '-').Replace('/', '_').TrimEnd('=');
        _tokens[token] = new AccessGrant(credentials.ServiceAccountEmail, scopes, now + limits.TokenLifetime);

        return Results.Json(new Dictionary<string, object>
        {
            ["access_token"] = token,
            ["expires_in"] = (int)limits.TokenLifetime.TotalSeconds,
            ["token_type"] = "Bearer",
        });
    }

    /// <summary>The grant behind a bearer token, or null when the token is unknown or has expired.</summary>
    public AccessGrant? Find(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (!_tokens.TryGetValue(token, out var grant))
        {
            return null;
        }

        return grant.ExpiresAt > time.GetUtcNow() ? grant : null;
    }

    /// <summary>Ends every issued token now, as if an hour had passed.</summary>
    public void ExpireAll()
    {
        foreach (var (token, grant) in _tokens)
        {
            _tokens[token] = grant with { ExpiresAt = DateTimeOffset.MinValue };
        }
    }

    private static IResult Error(string error, string description) =>
        Results.Json(
            new Dictionary<string, string> { ["error"] = error, ["error_description"] = description }, statusCode: 400);

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) &&
        value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static DateTimeOffset? Seconds(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) &&
        value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    private static byte[] Base64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += (padded.Length % 4) switch
        {
            2 => "==",
            3 => "=",
            0 => string.Empty,
            _ => throw new FormatException(
                string.Create(CultureInfo.InvariantCulture, $"Bad base64url length {text.Length}.")),
        };

        return Convert.FromBase64String(padded);
    }
}

using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Andalan.Sandbox.KeyVault;

/// <summary>
/// Tokens issued by the managed identity endpoint. They are opaque random strings: only this sandbox
/// accepts them, and only for the resource they were issued for, until they expire.
/// </summary>
public sealed class IdentityTokens(TimeProvider time)
{
    /// <summary>App Service issues managed identity tokens for about a day.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    private readonly ConcurrentDictionary<string, IssuedToken> _issued = new(StringComparer.Ordinal);

    /// <summary>Every access token handed out, for tests that look for leaked secrets.</summary>
    public IReadOnlyCollection<string> IssuedTokens => [.. _issued.Keys];

    public IssuedToken Issue(string resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var token = new IssuedToken(
            Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_'),
            resource, time.GetUtcNow() + Lifetime);
        _issued[token.AccessToken] = token;

        return token;
    }

    public bool IsValid(string accessToken, string resource) =>
        _issued.TryGetValue(accessToken, out var token)
        && token.ExpiresOn > time.GetUtcNow()
        && SameResource(token.Resource, resource);

    private static bool SameResource(string a, string b) =>
        string.Equals(a.TrimEnd('/'), b.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
}

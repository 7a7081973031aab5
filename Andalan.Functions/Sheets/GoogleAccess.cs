using Google.Apis.Auth.OAuth2;
using Microsoft.Extensions.Options;

namespace Andalan.Functions.Sheets;

/// <summary>
/// The service account credential, made once from the key JSON (its token_uri is where tokens come from).
/// Google's library caches the access token and fetches a new one shortly before it expires.
/// </summary>
internal sealed class GoogleAccess
{
    public const string SpreadsheetsScope = "https://www.googleapis.com/auth/spreadsheets";

    private readonly string _json;
    private Lazy<ITokenAccess> _credential;

    public GoogleAccess(IOptions<SheetsOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _json = options.Value.ServiceAccountJson;
        _credential = NewCredential();
    }

    public Task<string> AccessTokenAsync(CancellationToken cancellationToken) =>
        _credential.Value.GetAccessTokenForRequestAsync(authUri: null, cancellationToken);

    /// <summary>
    /// Forgets the cached token after Google refused it (revoked, or the key rotated): the library would
    /// otherwise keep sending it until it expires, failing every run in this process for up to an hour.
    /// </summary>
    public void ForgetToken() => Interlocked.Exchange(ref _credential, NewCredential());

    private Lazy<ITokenAccess> NewCredential() =>
        new(() => CredentialFactory.FromJson<ServiceAccountCredential>(_json)
            .ToGoogleCredential()
            .CreateScoped(SpreadsheetsScope));
}

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

    private readonly Lazy<ITokenAccess> _credential;

    public GoogleAccess(IOptions<SheetsOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var json = options.Value.ServiceAccountJson;
        _credential = new Lazy<ITokenAccess>(() => CredentialFactory.FromJson<ServiceAccountCredential>(json)
            .ToGoogleCredential()
            .CreateScoped(SpreadsheetsScope));
    }

    public Task<string> AccessTokenAsync(CancellationToken cancellationToken) =>
        _credential.Value.GetAccessTokenForRequestAsync(authUri: null, cancellationToken);
}

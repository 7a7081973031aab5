using System.Net.Http.Headers;

namespace Andalan.Functions.Sheets;

/// <summary>Puts the service account's bearer token on every Sheets request.</summary>
internal sealed class GoogleAuthHandler(GoogleAccess access) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var token = await access.AccessTokenAsync(cancellationToken);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        return await base.SendAsync(request, cancellationToken);
    }
}

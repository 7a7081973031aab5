using System.Net;
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
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        // Google refused a token the library still thinks good: get a new one and ask once more. The body is a
        // byte array the request keeps, so it can go again.
        response.Dispose();
        access.ForgetToken();
        token = await access.AccessTokenAsync(cancellationToken);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        return await base.SendAsync(request, cancellationToken);
    }
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Andalan.Sandbox.Hosting;

namespace Andalan.Sandbox.KeyVault;

/// <summary>
/// The App Service managed identity endpoint (api-version 2019-08-01): what Azure.Identity's
/// ManagedIdentityCredential calls when IDENTITY_ENDPOINT and IDENTITY_HEADER are set.
/// </summary>
public static class ManagedIdentityEndpoints
{
    public const string ApiVersion = "2019-08-01";

    public const string SecretHeader = "X-IDENTITY-HEADER";

    private static readonly string ClientId = Guid.NewGuid().ToString();

    public static IEndpointRouteBuilder MapManagedIdentity(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/msi/token", (HttpContext context, SandboxCredentials credentials, IdentityTokens tokens) =>
        {
            var query = context.Request.Query;
            if (query["api-version"] != ApiVersion)
            {
                return Refuse(400, $"api-version must be {ApiVersion}.");
            }

            var header = context.Request.Headers[SecretHeader].ToString();
            if (!CryptographicOperations.FixedTimeEquals(
                    Encoding.UTF8.GetBytes(header), Encoding.UTF8.GetBytes(credentials.IdentityHeader)))
            {
                return Refuse(401, $"The {SecretHeader} header is missing or wrong.");
            }

            if (query["resource"].ToString() is not { Length: > 0 } resource)
            {
                return Refuse(400, "The resource parameter is required.");
            }

            var token = tokens.Issue(resource);

            return Results.Json(new Dictionary<string, string>
            {
                ["access_token"] = token.AccessToken,
                ["expires_on"] = token.ExpiresOn.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
                ["resource"] = resource,
                ["token_type"] = "Bearer",
                ["client_id"] = ClientId,
            });
        });

        return app;
    }

    private static IResult Refuse(int status, string message) => Results.Json(
        new Dictionary<string, object> { ["statusCode"] = status, ["message"] = message }, statusCode: status);
}

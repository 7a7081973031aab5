using System.Globalization;
using System.Text;
using Andalan.Sandbox.Faults;
using Andalan.Sandbox.Hosting;

namespace Andalan.Sandbox.KeyVault;

/// <summary>
/// Key Vault's secrets API over https (get latest or a version, list with paging, list versions) behind its
/// bearer challenge, the managed identity endpoint that issues the tokens, and controls under
/// <c>/_sandbox/vault</c> to set or delete a secret.
/// </summary>
public static class KeyVaultEndpoints
{
    /// <summary>The audience Key Vault names in its challenge and expects tokens for.</summary>
    public const string Resource = "https://vault.azure.net";

    private const int MaxPageSize = 25;

    public static IServiceCollection AddKeyVault(this IServiceCollection services)
    {
        services.AddSingleton<VaultSecrets>();
        services.AddSingleton<IdentityTokens>();

        return services;
    }

    public static IEndpointRouteBuilder MapKeyVault(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/secrets", ListSecrets);
        app.MapGet("/secrets/{name}", (string name, HttpContext context, VaultSecrets vault, IdentityTokens tokens,
            SandboxAddresses addresses) => GetSecret(name, null, context, vault, tokens, addresses));
        app.MapGet("/secrets/{name}/versions", ListVersions);
        app.MapGet("/secrets/{name}/{version}", GetSecret);
        app.MapManagedIdentity();
        app.MapVaultControls();

        return app;
    }

    private static IResult GetSecret(
        string name, string? version, HttpContext context, VaultSecrets vault, IdentityTokens tokens,
        SandboxAddresses addresses)
    {
        if (Refuse(context, vault, tokens) is { } refused)
        {
            return refused;
        }

        if (!VaultSecrets.IsValidName(name))
        {
            return Error(400, "BadParameter", $"The request URI contains an invalid name: {name}");
        }

        var secret = vault.Get(name, version);
        if (secret is null)
        {
            return Error(404, "SecretNotFound",
                $"A secret with (name/id) {name}{(version is null ? string.Empty : "/" + version)} was not found in " +
                "this key vault. If you recently deleted this secret you may be able to recover it using the correct " +
                "recovery command. For help resolving this issue, please see " +
                "https://go.microsoft.com/fwlink/?linkid=2125182");
        }

        if (!secret.Enabled)
        {
            return Error(403, "Forbidden", "Operation get is not allowed on a disabled secret.");
        }

        var body = Properties(secret, addresses, withVersion: true);
        body["value"] = secret.Value;

        return Results.Json(body);
    }

    private static IResult ListSecrets(
        HttpContext context, VaultSecrets vault, IdentityTokens tokens, SandboxAddresses addresses)
    {
        if (Refuse(context, vault, tokens) is { } refused)
        {
            return refused;
        }

        return Page(context, vault.Latest(), s => Properties(s, addresses, withVersion: false), addresses, "secrets");
    }

    private static IResult ListVersions(
        string name, HttpContext context, VaultSecrets vault, IdentityTokens tokens, SandboxAddresses addresses)
    {
        if (Refuse(context, vault, tokens) is { } refused)
        {
            return refused;
        }

        return Page(context, vault.Versions(name), s => Properties(s, addresses, withVersion: true), addresses,
            $"secrets/{name}/versions");
    }

    /// <summary>
    /// The checks Key Vault makes before it looks at a request: https only, an api-version, and a bearer token;
    /// without one it answers the 401 challenge that tells a client where to get one.
    /// </summary>
    private static IResult? Refuse(HttpContext context, VaultSecrets vault, IdentityTokens tokens)
    {
        if (!context.Request.IsHttps)
        {
            return Error(400, "BadParameter", "Key Vault only answers over https.");
        }

        if (string.IsNullOrEmpty(context.Request.Query["api-version"]))
        {
            return Error(400, "BadParameter", "The 'api-version' query parameter is required.");
        }

        var authorization = context.Request.Headers.Authorization.ToString();
        if (!authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Challenge(context, vault, "AKV10000: Request is missing a Bearer or PoP token.");
        }

        return tokens.IsValid(authorization["Bearer ".Length..].Trim(), Resource)
            ? null
            : Challenge(context, vault, "AKV10022: Invalid audience or expired token.");
    }

    private static IResult Challenge(HttpContext context, VaultSecrets vault, string message)
    {
        context.Response.Headers.WWWAuthenticate =
            $"Bearer authorization=\"https://login.microsoftonline.com/{vault.TenantId}\", resource=\"{Resource}\"";

        return Error(401, "Unauthorized", message);
    }

    private static IResult Page(
        HttpContext context, IReadOnlyList<VaultSecretVersion> items,
        Func<VaultSecretVersion, Dictionary<string, object?>> describe, SandboxAddresses addresses, string path)
    {
        var size = int.TryParse(context.Request.Query["maxresults"], CultureInfo.InvariantCulture, out var max)
            ? Math.Clamp(max, 1, MaxPageSize)
            : MaxPageSize;
        var skip = 0;
        if (context.Request.Query["$skiptoken"].ToString() is { Length: > 0 } skipToken)
        {
            try
            {
                var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(skipToken));
                skip = int.Parse(decoded, CultureInfo.InvariantCulture);
            }
            catch (FormatException)
            {
                return Error(400, "BadParameter", "The skip token is not valid.");
            }
        }

        var page = items.Skip(skip).Take(size).Select(describe).ToList();
        string? nextLink = null;
        if (skip + size < items.Count)
        {
            var next = (skip + size).ToString(CultureInfo.InvariantCulture);
            var token = Convert.ToBase64String(Encoding.UTF8.GetBytes(next));
            nextLink = new Uri(addresses.VaultUrl,
                $"{path}?api-version={Uri.EscapeDataString(context.Request.Query["api-version"].ToString())}" +
                $"&$skiptoken={Uri.EscapeDataString(token)}&maxresults={size}").ToString();
        }

        return Results.Json(new Dictionary<string, object?> { ["value"] = page, ["nextLink"] = nextLink });
    }

    private static Dictionary<string, object?> Properties(
        VaultSecretVersion secret, SandboxAddresses addresses, bool withVersion)
    {
        var id = new Uri(addresses.VaultUrl, withVersion
            ? $"secrets/{secret.Name}/{secret.Version}"
            : $"secrets/{secret.Name}").ToString();
        var properties = new Dictionary<string, object?>
        {
            ["id"] = id,
            ["attributes"] = new Dictionary<string, object>
            {
                ["enabled"] = secret.Enabled,
                ["created"] = secret.Created.ToUnixTimeSeconds(),
                ["updated"] = secret.Created.ToUnixTimeSeconds(),
                ["recoveryLevel"] = "Recoverable+Purgeable",
                ["recoverableDays"] = 90,
            },
            ["tags"] = new Dictionary<string, string>(),
        };
        if (secret.ContentType is { } contentType)
        {
            properties["contentType"] = contentType;
        }

        return properties;
    }

    internal static IResult Error(int status, string code, string message) => Results.Json(
        new Dictionary<string, object>
        {
            ["error"] = new Dictionary<string, string> { ["code"] = code, ["message"] = message },
        },
        statusCode: status);

    private static IEndpointRouteBuilder MapVaultControls(this IEndpointRouteBuilder app)
    {
        var control = app.MapGroup(FaultMiddleware.ControlPrefix + "/vault");
        control.MapGet("/", (VaultSecrets vault) => Results.Json(vault.Latest().Select(s => new
        {
            s.Name,
            Versions = vault.Versions(s.Name).Count,
            Updated = s.Created,
        })));
        control.MapPut("/secrets/{name}", (string name, VaultSecretRequest request, VaultSecrets vault) =>
        {
            if (!VaultSecrets.IsValidName(name) || request.Value is null)
            {
                return Results.BadRequest(new { error = "A secret needs a name of letters, digits and '-' and a value." });
            }

            var secret = vault.Set(name, request.Value, request.ContentType);

            return Results.Ok(new { secret.Name, secret.Version });
        });
        control.MapDelete("/secrets/{name}", (string name, VaultSecrets vault) =>
            vault.Delete(name) ? Results.NoContent() : Results.NotFound());

        return app;
    }
}

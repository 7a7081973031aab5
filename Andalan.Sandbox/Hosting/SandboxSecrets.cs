using System.Security.Cryptography;
using Andalan.Sandbox.KeyVault;
using Andalan.Sandbox.Panel;
using Andalan.Sandbox.Sheets;

namespace Andalan.Sandbox.Hosting;

/// <summary>Every secret a sandbox made or handed out, for tests that make sure none of them leaks.</summary>
public static class SandboxSecrets
{
    /// <summary>
    /// The panel password, the bot token (and its secret part), the identity header, the service account's
    /// private key (each line of its PEM and its key id), and every panel session id, CSRF token, OAuth access
    /// token and managed identity token issued so far.
    /// </summary>
    public static IReadOnlyList<(string Kind, string Value)> All(this SandboxInstance sandbox)
    {
        ArgumentNullException.ThrowIfNull(sandbox);
        var credentials = sandbox.Credentials;
        var secrets = new List<(string, string)>
        {
            ("panel password", credentials.PanelPassword),
            ("bot token", credentials.BotToken),
            ("bot token secret", credentials.BotToken.Split(':', 2)[1]),
            ("identity header", credentials.IdentityHeader),
            ("service account private key id", credentials.PrivateKeyId),
        };
        var pem = new string(PemEncoding.Write("PRIVATE KEY", credentials.ServiceAccountKey.ExportPkcs8PrivateKey()));
        secrets.AddRange(pem.Split('\n')
            .Where(line => line.Length >= 32 && !line.StartsWith("-----", StringComparison.Ordinal))
            .Select(line => ("service account private key", line)));
        var services = sandbox.Services;
        secrets.AddRange(services.GetRequiredService<PanelSessions>().Issued.Select(s => ("panel session or CSRF token", s)));
        secrets.AddRange(services.GetRequiredService<TokenIssuer>().IssuedTokens.Select(t => ("Sheets access token", t)));
        secrets.AddRange(
            services.GetRequiredService<IdentityTokens>().IssuedTokens.Select(t => ("Key Vault access token", t)));

        return secrets;
    }
}

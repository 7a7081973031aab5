using Andalan.Functions.Preflight;
using Azure.Core;
using Microsoft.Extensions.Configuration;

namespace Andalan.Functions.Secrets;

/// <summary>The <c>check</c> verb's secrets lines: the vault answers, and every required secret is set.</summary>
public sealed class SecretsPreflight(IConfiguration configuration, TimeProvider time, TokenCredential? credential = null)
{
    public async Task<IReadOnlyList<PreflightResult>> CheckAsync(CancellationToken cancellationToken)
    {
        var results = new List<PreflightResult>();
        var options = SecretsConfiguration.ReadOptions(configuration);
        if (options.VaultUri is { } vault)
        {
            results.Add(await CheckVaultAsync(options, vault, cancellationToken));
        }

        var required = RequiredSecrets.For(configuration);
        var missing = RequiredSecrets.Missing(configuration);
        var source = options.VaultUri is null ? "settings and environment" : $"Key Vault {options.VaultUri} or settings";
        results.Add(missing.Count == 0
            ? new PreflightResult("secrets", true, $"{required.Count} required secrets set (from {source})")
            : new PreflightResult("secrets", false, string.Join("; ", missing.Select(RequiredSecrets.Describe))));

        return results;
    }

    private async Task<PreflightResult> CheckVaultAsync(
        KeyVaultOptions options, Uri vault, CancellationToken cancellationToken)
    {
        var client = VaultClients.Create(options, credential, time);
        try
        {
            var count = 0;
            await foreach (var _ in client.GetPropertiesOfSecretsAsync(cancellationToken))
            {
                count++;
            }

            return new PreflightResult("key vault", true, $"{vault} answers; {count} secrets listed");
        }
        catch (Exception e) when (VaultFailure.IsVaultFailure(e))
        {
            return new PreflightResult("key vault", false, VaultFailure.Explain(vault, e).Message);
        }
    }
}

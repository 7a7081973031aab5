using Azure;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.Configuration;

namespace Andalan.Functions.Secrets;

/// <summary>
/// Loads every enabled secret of a vault into configuration once, at start-up, with <c>--</c> in a secret's
/// name read as the key separator <c>:</c>. A rotated secret is picked up at the next start.
/// </summary>
/// <remarks>
/// Configuration providers load synchronously, so this uses SecretClient's synchronous calls rather than
/// blocking on the asynchronous ones.
/// </remarks>
internal sealed class KeyVaultSecretsProvider(SecretClient client) : ConfigurationProvider
{
    public override void Load()
    {
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        try
        {
            foreach (var properties in client.GetPropertiesOfSecrets())
            {
                if (properties.Enabled != true)
                {
                    continue;
                }

                if (Read(properties.Name) is { } value)
                {
                    data[SecretNames.ToConfigurationKey(properties.Name)] = value;
                }
            }
        }
        catch (Exception e) when (VaultFailure.IsVaultFailure(e))
        {
            throw VaultFailure.Explain(client.VaultUri, e);
        }

        Data = data;
    }

    private string? Read(string name)
    {
        try
        {
            return client.GetSecret(name).Value.Value;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Deleted between the listing and the read: as if it had not been listed.
            return null;
        }
    }
}

using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.Configuration;

namespace Andalan.Functions.Secrets;

/// <summary>The configuration source behind <see cref="SecretsConfiguration.AddAndalanSecrets"/>.</summary>
internal sealed class KeyVaultSecretsSource(SecretClient client) : IConfigurationSource
{
    public IConfigurationProvider Build(IConfigurationBuilder builder) => new KeyVaultSecretsProvider(client);
}

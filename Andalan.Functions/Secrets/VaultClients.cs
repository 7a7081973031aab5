using Azure.Core;
using Azure.Identity;
using Azure.Security.KeyVault.Secrets;

namespace Andalan.Functions.Secrets;

/// <summary>Builds the Key Vault client the configuration source and the preflight check use.</summary>
internal static class VaultClients
{
    // Public and sovereign Key Vault hosts: challenge resource verification stays on for them.
    private static readonly string[] AzureVaultSuffixes =
        [".vault.azure.net", ".vault.azure.cn", ".vault.usgovcloudapi.net", ".vault.microsoftazure.de"];

    /// <summary>
    /// A SecretClient for <paramref name="options"/>' vault. The credential defaults to DefaultAzureCredential:
    /// a managed identity in Azure, the sandbox's identity endpoint when IDENTITY_ENDPOINT points at it, or a
    /// developer's own login.
    /// </summary>
    public static SecretClient Create(KeyVaultOptions options, TokenCredential? credential, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        var vaultUri = options.VaultUri ?? throw new InvalidOperationException("No vault is configured.");
        var clientOptions = new SecretClientOptions
        {
            // The challenge names https://vault.azure.net; a vault elsewhere (the sandbox) can only pass without
            // the check that the resource matches the vault's host.
            DisableChallengeResourceVerification = !IsAzureVault(vaultUri),
            Retry =
            {
                Mode = RetryMode.Exponential,
                MaxRetries = 2,
                Delay = TimeSpan.FromMilliseconds(500),
                MaxDelay = TimeSpan.FromSeconds(5),
                NetworkTimeout = TimeSpan.FromSeconds(20),
            },
        };
        if (options.TrustedCertificatePath is { Length: > 0 } pem)
        {
            clientOptions.Transport = TrustedCertificateTransport.Create(pem, time);
        }

        return new SecretClient(vaultUri, credential ?? new DefaultAzureCredential(), clientOptions);
    }

    public static bool IsAzureVault(Uri vaultUri)
    {
        ArgumentNullException.ThrowIfNull(vaultUri);

        return AzureVaultSuffixes.Any(s => vaultUri.Host.EndsWith(s, StringComparison.OrdinalIgnoreCase));
    }
}

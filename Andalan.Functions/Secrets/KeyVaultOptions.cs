using System.ComponentModel.DataAnnotations;

namespace Andalan.Functions.Secrets;

/// <summary>
/// Where the secrets live (section <c>Andalan:KeyVault</c>). Without a vault, secrets come from local
/// settings and environment variables.
/// </summary>
public sealed class KeyVaultOptions
{
    public const string SectionName = "Andalan:KeyVault";

    /// <summary>The vault, for example https://andalan-prod.vault.azure.net/; empty reads no vault.</summary>
    public Uri? VaultUri { get; set; }

    /// <summary>
    /// A PEM certificate the vault connection trusts in addition to the system's, for the sandbox's
    /// self-signed vault only; leave empty in Azure.
    /// </summary>
    [FileExists]
    public string? TrustedCertificatePath { get; set; }
}

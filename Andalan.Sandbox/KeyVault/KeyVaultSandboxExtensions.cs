using Andalan.Sandbox.Hosting;

namespace Andalan.Sandbox.KeyVault;

/// <summary>In-process access to the Key Vault stand-in, for tests.</summary>
public static class KeyVaultSandboxExtensions
{
    /// <summary>The vault's secrets; set or delete one to test rotation or a missing secret.</summary>
    public static VaultSecrets Vault(this SandboxInstance sandbox)
    {
        ArgumentNullException.ThrowIfNull(sandbox);

        return sandbox.Services.GetRequiredService<VaultSecrets>();
    }
}

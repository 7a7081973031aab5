namespace Andalan.Sandbox.KeyVault;

/// <summary>One version of a Key Vault secret.</summary>
public sealed record VaultSecretVersion(
    string Name, string Version, string Value, string? ContentType, DateTimeOffset Created, bool Enabled);

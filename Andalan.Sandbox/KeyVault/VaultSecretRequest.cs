namespace Andalan.Sandbox.KeyVault;

/// <summary>The body of <c>PUT /_sandbox/vault/secrets/{name}</c>: the new version's value.</summary>
public sealed class VaultSecretRequest
{
    public string? Value { get; set; }

    public string? ContentType { get; set; }
}

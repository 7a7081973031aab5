namespace Andalan.Functions.Tests.Fixtures;

/// <summary>The tests that share <see cref="VaultSandboxFixture"/>'s managed identity; they run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class VaultSandboxDefinition : ICollectionFixture<VaultSandboxFixture>
{
    public const string Name = "Vault sandbox";
}

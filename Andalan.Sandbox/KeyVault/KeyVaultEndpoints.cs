namespace Andalan.Sandbox.KeyVault;

/// <summary>The sandbox's stand-in for KeyVault (being built).</summary>
public static class KeyVaultEndpoints
{
    public static IServiceCollection AddKeyVault(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapKeyVault(this IEndpointRouteBuilder app) => app;
}

using Andalan.Sandbox.Hosting;

namespace Andalan.Functions.Tests.Fixtures;

/// <summary>
/// One sandbox whose managed identity endpoint the whole test process uses: Azure.Identity reads
/// IDENTITY_ENDPOINT and IDENTITY_HEADER from the environment, which is process-wide, and caches the tokens
/// it gets. Every test that goes through a managed identity joins <see cref="VaultSandboxDefinition"/>.
/// </summary>
public sealed class VaultSandboxFixture : IAsyncLifetime
{
    private static readonly string[] IdentityVariables = ["IDENTITY_ENDPOINT", "IDENTITY_HEADER"];

    private readonly Dictionary<string, string?> _previous = [];
    private SandboxInstance? _sandbox;

    public SandboxInstance Sandbox => _sandbox ?? throw new InvalidOperationException("The sandbox has not started.");

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxFixture.StartAsync();
        foreach (var name in IdentityVariables)
        {
            _previous[name] = Environment.GetEnvironmentVariable(name);
            Environment.SetEnvironmentVariable(name, _sandbox.Values[name]);
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var (name, value) in _previous)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        if (_sandbox is not null)
        {
            await _sandbox.DisposeAsync();
        }
    }
}

using Andalan.Sandbox.Hosting;

namespace Andalan.Functions.Tests.Fixtures;

/// <summary>
/// One sandbox on free ports, shared by the tests of a class. Tests that change its data or faults reset
/// what they change (<see cref="SandboxInstance.Faults"/>), or use a sandbox of their own.
/// </summary>
public sealed class SandboxFixture : IAsyncLifetime
{
    private SandboxInstance? _sandbox;

    public SandboxInstance Sandbox => _sandbox ?? throw new InvalidOperationException("The sandbox has not started.");

    /// <summary>An http client for the sandbox's own endpoints, with its base address set.</summary>
    public HttpClient Http { get; private set; } = new();

    public static Task<SandboxInstance> StartAsync(Action<SandboxOptions>? configure = null)
    {
        var options = new SandboxOptions();
        configure?.Invoke(options);

        return SandboxApp.StartAsync(options);
    }

    public async Task InitializeAsync()
    {
        _sandbox = await StartAsync();
        Http = new HttpClient { BaseAddress = _sandbox.Addresses.BaseUrl };
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (_sandbox is not null)
        {
            await _sandbox.DisposeAsync();
        }
    }
}

using Andalan.Sandbox.Data;
using Andalan.Sandbox.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Andalan.Functions.Tests.Sandbox;

/// <summary>
/// One sandbox on a fake clock for every panel test class: starting one costs seconds (it generates keys and
/// data), so the panel tests share it and run one after another. Each test calls <see cref="StartTest"/>.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PanelSandboxFixture : IAsyncLifetime, ICollectionFixture<PanelSandboxFixture>
{
    public const string Name = "Panel sandbox";

    private SandboxInstance? _sandbox;

    /// <summary>Starts at 08:15 in Jakarta on 14 September 2025, where the panel's data ends.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2025, 9, 14, 1, 15, 0, TimeSpan.Zero));

    public SandboxInstance Sandbox => _sandbox ?? throw new InvalidOperationException("The sandbox has not started.");

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxApp.StartAsync(new SandboxOptions { SessionIdleMinutes = 30 }, Clock);

        // The store reads the clock once, when it is first resolved; resolving it now pins its data to 08:15.
        _sandbox.Services.GetRequiredService<PanelStore>();
    }

    public async Task DisposeAsync()
    {
        if (_sandbox is not null)
        {
            await _sandbox.DisposeAsync();
        }
    }

    /// <summary>
    /// Clears the fault switches and moves the clock past the login throttle's minute, so failed logins of one
    /// test never count against the next. Sessions belong to each test's own client, so nothing else carries over.
    /// </summary>
    public void Reset()
    {
        Sandbox.Faults.Reset();
        Clock.Advance(TimeSpan.FromMinutes(2));
    }

    /// <summary>Resets the sandbox for a new test and gives it a fresh client with no cookies.</summary>
    public PanelTestClient StartTest()
    {
        Reset();

        return new PanelTestClient(Sandbox);
    }
}

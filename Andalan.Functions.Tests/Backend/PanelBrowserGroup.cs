using Andalan.Functions.Tests.Fixtures;

namespace Andalan.Functions.Tests.Backend;

/// <summary>
/// Tests that start Chromium share one sandbox and run alone: they count this process's browser processes and
/// measure their memory, which another test's browser would disturb, and the machine has two cores.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PanelBrowserGroup : ICollectionFixture<SandboxFixture>
{
    public const string Name = "Panel browser";
}

namespace Andalan.Sandbox.Data;

/// <summary>
/// Creates the <see cref="PanelStore"/> while the sandbox starts, so its clock starts then and a large data set
/// is generated before the ready line, not during the first page a browser asks for.
/// </summary>
internal sealed class PanelStoreWarmUp(PanelStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = store.Now;

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

using System.Collections.Concurrent;

namespace Andalan.Sandbox.Faults;

/// <summary>
/// The sandbox's fault switches. Handlers and the fault middleware read them; the control endpoints under
/// <c>/_sandbox/faults</c> and in-process tests set them.
/// </summary>
public sealed class FaultSwitches
{
    private readonly ConcurrentDictionary<SandboxService, ServiceFaults> _services = new();
    private readonly Lock _gate = new();

    public PanelFaults Panel { get; private set; } = new();

    public ServiceFaults For(SandboxService service) => _services.GetOrAdd(service, _ => new ServiceFaults());

    /// <summary>Makes the next <paramref name="count"/> calls to a service fail with <paramref name="status"/>.</summary>
    public void FailNext(SandboxService service, int count, int status = 500, int retryAfterSeconds = 0)
    {
        lock (_gate)
        {
            var faults = For(service);
            faults.FailNext = count;
            faults.FailStatus = status;
            faults.RetryAfterSeconds = retryAfterSeconds;
        }
    }

    /// <summary>Takes one pending failure of a service, if any.</summary>
    public bool TryTakeFailure(SandboxService service, out int status, out int retryAfterSeconds)
    {
        lock (_gate)
        {
            var faults = For(service);
            status = faults.FailStatus;
            retryAfterSeconds = faults.RetryAfterSeconds;
            if (faults.FailNext <= 0)
            {
                return false;
            }

            faults.FailNext--;

            return true;
        }
    }

    /// <summary>Takes one use of the export fault set for an export; <see cref="ExportFault.None"/> when none.</summary>
    public ExportFault TakeExportFault(string export)
    {
        lock (_gate)
        {
            if (!Panel.Exports.TryGetValue(export, out var fault) || fault == ExportFault.None)
            {
                return ExportFault.None;
            }

            if (Panel.ExportFaultCount > 0 && --Panel.ExportFaultCount == 0)
            {
                Panel.Exports.TryRemove(export, out _);
            }

            return fault;
        }
    }

    /// <summary>Clears every switch.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _services.Clear();
            Panel = new PanelFaults();
        }
    }
}

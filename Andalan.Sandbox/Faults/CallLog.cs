using System.Collections.Concurrent;

namespace Andalan.Sandbox.Faults;

/// <summary>One call a service answered.</summary>
public sealed record SandboxCall(SandboxService Service, string Method, string Path, int Status, DateTimeOffset At);

/// <summary>Every call each service answered since the last reset; tests count API calls with it.</summary>
public sealed class CallLog
{
    private readonly ConcurrentQueue<SandboxCall> _calls = new();

    public void Add(SandboxCall call) => _calls.Enqueue(call);

    public IReadOnlyList<SandboxCall> Calls(SandboxService? service = null) =>
        [.. _calls.Where(c => service is null || c.Service == service)];

    public void Clear() => _calls.Clear();
}

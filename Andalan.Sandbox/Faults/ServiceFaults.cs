namespace Andalan.Sandbox.Faults;

/// <summary>Faults that any service can show: failing calls and slowness.</summary>
public sealed class ServiceFaults
{
    /// <summary>How many of the next calls fail.</summary>
    public int FailNext { get; set; }

    /// <summary>The status those calls answer with (500, 503, 429, ...).</summary>
    public int FailStatus { get; set; } = 500;

    /// <summary>A Retry-After, in seconds, sent with the failures; 0 sends none.</summary>
    public int RetryAfterSeconds { get; set; }

    /// <summary>Delay added before every call is answered.</summary>
    public int DelayMilliseconds { get; set; }

    /// <summary>When true, the service does not answer at all: the connection is aborted.</summary>
    public bool Unreachable { get; set; }
}

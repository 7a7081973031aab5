namespace Andalan.Sandbox.Faults;

/// <summary>The body of <c>POST /_sandbox/faults/{service}</c>; members left out are not changed.</summary>
public sealed class FaultRequest
{
    public int? FailNext { get; set; }

    public int? Status { get; set; }

    public int? RetryAfterSeconds { get; set; }

    public int? DelayMilliseconds { get; set; }

    public bool? Unreachable { get; set; }

    /// <summary>Panel only: refuse every login.</summary>
    public bool? RefuseLogins { get; set; }

    /// <summary>Panel only: answer every login as throttled for this many seconds; 0 turns it off.</summary>
    public int? ThrottleLoginSeconds { get; set; }

    /// <summary>Panel only: answer every page with the maintenance page.</summary>
    public bool? Maintenance { get; set; }

    /// <summary>Panel only: expire every session that exists now.</summary>
    public bool? ExpireSessions { get; set; }

    /// <summary>Panel only: export name to fault (corrupt, empty, renamedcolumn, servererror, none).</summary>
    public Dictionary<string, ExportFault>? Exports { get; set; }

    /// <summary>Panel only: how the next dashboard pages stall (document, image, none).</summary>
    public DashboardStall? DashboardStall { get; set; }

    /// <summary>Panel only: how many dashboard pages stall.</summary>
    public int? DashboardStalls { get; set; }

    /// <summary>Panel only: how long a stall lasts, in seconds.</summary>
    public double? DashboardStallSeconds { get; set; }

    /// <summary>Panel only: how many export requests the export faults last; 0 is until cleared.</summary>
    public int? ExportFaultCount { get; set; }
}

using System.Collections.Concurrent;

namespace Andalan.Sandbox.Faults;

/// <summary>Faults only the admin panel shows.</summary>
public sealed class PanelFaults
{
    private readonly Lock _stallGate = new();

    /// <summary>Every login is refused as if the password were wrong.</summary>
    public bool RefuseLogins { get; set; }

    /// <summary>
    /// When above 0, every login is answered as a throttled one: "Too many login attempts. Please try again in N
    /// seconds." with this N, whatever the password.
    /// </summary>
    public int ThrottleLoginSeconds { get; set; }

    /// <summary>Every page answers 503 with the panel's maintenance page.</summary>
    public bool Maintenance { get; set; }

    /// <summary>What each export does wrong, by export name (transactions, point_transactions, ...).</summary>
    public ConcurrentDictionary<string, ExportFault> Exports { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How many export requests to fail with <see cref="Exports"/> before they work again; 0 is forever.</summary>
    public int ExportFaultCount { get; set; }

    /// <summary>How the next dashboard pages stall (the page a login lands on); see <see cref="DashboardStalls"/>.</summary>
    public DashboardStall DashboardStall { get; set; }

    /// <summary>How many dashboard pages stall before they load normally again.</summary>
    public int DashboardStalls { get; set; }

    /// <summary>How long a stalled dashboard page, or its image, takes.</summary>
    public TimeSpan DashboardStallTime { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Takes one stalled dashboard, if any are left.</summary>
    public DashboardStall TakeDashboardStall()
    {
        lock (_stallGate)
        {
            if (DashboardStall == DashboardStall.None || DashboardStalls <= 0)
            {
                return DashboardStall.None;
            }

            DashboardStalls--;

            return DashboardStall;
        }
    }

    /// <summary>Sessions started before this moment are expired; set by the expire-sessions switch.</summary>
    public DateTimeOffset SessionsValidFrom { get; set; } = DateTimeOffset.MinValue;
}

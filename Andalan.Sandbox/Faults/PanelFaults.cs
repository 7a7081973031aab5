using System.Collections.Concurrent;

namespace Andalan.Sandbox.Faults;

/// <summary>Faults only the admin panel shows.</summary>
public sealed class PanelFaults
{
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

    /// <summary>Sessions started before this moment are expired; set by the expire-sessions switch.</summary>
    public DateTimeOffset SessionsValidFrom { get; set; } = DateTimeOffset.MinValue;
}

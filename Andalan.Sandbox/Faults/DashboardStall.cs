namespace Andalan.Sandbox.Faults;

/// <summary>How a stalled dashboard page misbehaves.</summary>
public enum DashboardStall
{
    None,

    /// <summary>The page's HTML stops halfway and finishes only after the stall time.</summary>
    Document,

    /// <summary>The HTML arrives at once, but an image on it takes the stall time (a slow CDN).</summary>
    Image,
}

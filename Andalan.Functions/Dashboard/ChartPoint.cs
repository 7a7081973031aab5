namespace Andalan.Functions.Dashboard;

/// <summary>One run's value on an export's chart.</summary>
/// <param name="RunId">The run it comes from.</param>
/// <param name="At">When the run started: the point's place on the time axis.</param>
/// <param name="Value">Rows read or seconds taken.</param>
/// <param name="Failed">True when the export failed in that run (drawn apart, off the line).</param>
/// <param name="Label">What a person reads when pointing at it (the SVG title), plain text.</param>
public sealed record ChartPoint(string RunId, DateTimeOffset At, double Value, bool Failed, string Label);

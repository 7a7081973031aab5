namespace Andalan.Functions.Dashboard;

/// <summary>A message at the top of the dashboard.</summary>
/// <param name="Ok">True for good news (a run started), false for a refusal or a problem.</param>
/// <param name="Text">Plain text; the page escapes it.</param>
public sealed record DashboardNotice(bool Ok, string Text);

namespace Andalan.Functions.Cli;

/// <summary>The <c>run</c> verb's options.</summary>
internal sealed class RunVerbOptions
{
    public List<string> Exports { get; } = [];

    public bool DryRun { get; set; }

    public string? SummaryFile { get; set; }

    public string? DashboardFile { get; set; }

    public string? SettingsFile { get; set; }
}

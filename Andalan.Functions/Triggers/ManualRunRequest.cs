namespace Andalan.Functions.Triggers;

/// <summary>The optional body of <c>POST /api/runs</c>.</summary>
public sealed class ManualRunRequest
{
    /// <summary>The exports to run; empty runs every enabled export.</summary>
    public IReadOnlyList<string>? Exports { get; set; }

    /// <summary>When true, the sheets are read and the plan reported, but nothing is written.</summary>
    public bool DryRun { get; set; }
}

namespace Andalan.Functions.Workflow;

/// <summary>How one export went in a run.</summary>
public sealed record ExportResult(
    string Export,
    bool Succeeded,
    DownloadOutcome? Download,
    ImportOutcome? Import,
    IReadOnlyList<StepFailure> Failures,
    double Seconds)
{
    /// <summary>The error that ended the export, if it failed.</summary>
    public string? Error => Succeeded ? null : (Import?.Error ?? Download?.Error);

    /// <summary>True when it succeeded only after a failed attempt.</summary>
    public bool Recovered => Succeeded && Failures.Count > 0;
}

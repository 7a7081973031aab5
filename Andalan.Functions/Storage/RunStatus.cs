namespace Andalan.Functions.Storage;

/// <summary>Where a run stands.</summary>
public enum RunStatus
{
    Running,
    Succeeded,

    /// <summary>Some exports succeeded and some failed.</summary>
    PartlyFailed,
    Failed,
}

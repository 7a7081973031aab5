namespace Andalan.Functions.Workflow;

/// <summary>What happened to a request to start a run.</summary>
public enum RunStartStatus
{
    /// <summary>The run started.</summary>
    Started,

    /// <summary>Another run is going; runs never overlap.</summary>
    AlreadyRunning,

    /// <summary>This schedule slot already has its run.</summary>
    SlotAlreadyServed,

    /// <summary>The request names an unknown export or is otherwise not valid.</summary>
    Invalid,
}

/// <summary>The answer to a start request: the status, the run concerned and words for a person.</summary>
public sealed record RunStart(RunStartStatus Status, string? RunId, string Message);

namespace Andalan.Functions.Workflow;

/// <summary>What every step's outcome says about failure, so one retry loop serves them all.</summary>
public interface IStepOutcome
{
    bool Succeeded { get; }

    /// <summary>What went wrong, in words an operator can act on; null on success.</summary>
    string? Error { get; }

    /// <summary>True when trying again may help (a timeout, a 5xx); false for a refused login, a bad file.</summary>
    bool Retryable { get; }

    /// <summary>Archive names of what a failed attempt left behind (a screenshot, the page); null when nothing.</summary>
    IReadOnlyList<string>? Evidence => null;
}

namespace Andalan.Functions.Workflow;

/// <summary>A step that threw instead of returning an outcome: a bug or an outage nothing expected.</summary>
public sealed class StepFailedException : Exception
{
    public StepFailedException(string step, string message, Exception? innerException = null)
        : base($"{step} failed unexpectedly: {message}", innerException)
    {
        Step = step;
    }

    public StepFailedException()
    {
        Step = string.Empty;
    }

    public StepFailedException(string message)
        : base(message)
    {
        Step = string.Empty;
    }

    public StepFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Step = string.Empty;
    }

    public string Step { get; }
}

using Microsoft.DurableTask;

namespace Andalan.Functions.Workflow;

/// <summary>The run workflow inside a Durable Functions orchestration: activities, durable timers, custom status.</summary>
internal sealed class DurableRunContext(TaskOrchestrationContext context) : IRunContext
{
    public DateTimeOffset Now => new(context.CurrentUtcDateTime, TimeSpan.Zero);

    public async Task<TResult> CallAsync<TResult>(string step, object input)
    {
        try
        {
            return await context.CallActivityAsync<TResult>(step, input);
        }
        catch (TaskFailedException failure)
        {
            throw new StepFailedException(step, failure.FailureDetails.ErrorMessage, failure);
        }
    }

    public Task DelayAsync(TimeSpan delay) => context.CreateTimer(delay, CancellationToken.None);

    public void ReportProgress(RunProgress progress) => context.SetCustomStatus(progress);
}

using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Andalan.Functions.Workflow;

/// <summary>The Durable Functions orchestration of one run; the work itself is <see cref="RunWorkflow"/>.</summary>
public static class ExportRunOrchestration
{
    public const string Name = "ExportRun";

    [Function(Name)]
    public static Task<RunSummary> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.GetInput<RunRequest>()
            ?? throw new InvalidOperationException("The run orchestration was started without a run request.");

        return RunWorkflow.ExecuteAsync(new DurableRunContext(context), request);
    }
}

namespace Andalan.Functions.Workflow;

/// <summary>
/// The run workflow outside the Functions host (the <c>run</c> verb): steps are called in process, waits are
/// real delays, and progress goes to a writer. At most as many steps run at once as the host would run
/// activities on one instance.
/// </summary>
internal sealed class InProcessRunContext(RunActivities activities, TimeProvider time, TextWriter progress)
    : IRunContext, IDisposable
{
    /// <summary>The host's maxConcurrentActivityFunctions in host.json.</summary>
    public const int ConcurrentSteps = 2;

    private readonly SemaphoreSlim _slots = new(ConcurrentSteps);

    public DateTimeOffset Now => time.GetUtcNow();

    public async Task<TResult> CallAsync<TResult>(string step, object input)
    {
        await _slots.WaitAsync();
        try
        {
            return (TResult)await activities.InvokeAsync(step, input, CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new StepFailedException(step, e.Message, e);
        }
        finally
        {
            _slots.Release();
        }
    }

    public Task DelayAsync(TimeSpan delay) => Task.Delay(delay, time);

    public void ReportProgress(RunProgress update)
    {
        ArgumentNullException.ThrowIfNull(update);
        progress.WriteLine($"[{update.Done}/{update.Total}] {update.Current}");
    }

    public void Dispose() => _slots.Dispose();
}

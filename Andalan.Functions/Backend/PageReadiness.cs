using Microsoft.Playwright;

namespace Andalan.Functions.Backend;

/// <summary>
/// Waits for a page's document to reach a load state. Playwright's .NET client can miss a load event that arrives
/// while its wait is being set up (seen after the login form's POST and redirect: the event fired in the browser,
/// the wait ran its whole five seconds), so the document's own readyState is asked between short waits for the
/// event: a missed event costs one <see cref="Poll"/>, not the whole timeout.
/// </summary>
internal static class PageReadiness
{
    /// <summary>The longest single wait for the event before the document is asked again.</summary>
    public static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// True once the document has reached <paramref name="state"/> (DOMContentLoaded or Load); false when
    /// <paramref name="timeout"/> ran out first.
    /// </summary>
    public static async Task<bool> WaitAsync(IPage page, LoadState state, TimeSpan timeout, TimeProvider time)
    {
        var started = time.GetTimestamp();
        while (true)
        {
            var left = timeout - time.GetElapsedTime(started);
            if (left <= TimeSpan.Zero)
            {
                return false;
            }

            // Asking needs the document's script context, which a document still arriving may not have yet.
            var asking = HasReachedAsync(page, state);
            try
            {
                if (await asking.WaitAsync(left, time))
                {
                    return true;
                }
            }
            catch (TimeoutException)
            {
                _ = asking.ContinueWith(
                    static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted,
                    TaskScheduler.Default);

                return false;
            }

            left = timeout - time.GetElapsedTime(started);
            if (left <= TimeSpan.Zero)
            {
                return false;
            }

            try
            {
                await page.WaitForLoadStateAsync(state, new PageWaitForLoadStateOptions
                {
                    Timeout = (float)(left < Poll ? left : Poll).TotalMilliseconds,
                });

                return true;
            }
            catch (TimeoutException)
            {
                // Ask the document itself on the next turn.
            }
        }
    }

    private static async Task<bool> HasReachedAsync(IPage page, LoadState state)
    {
        try
        {
            var readyState = await page.EvaluateAsync<string>("() => document.readyState");

            return readyState == "complete" || (readyState == "interactive" && state == LoadState.DOMContentLoaded);
        }
        catch (PlaywrightException) when (!page.IsClosed)
        {
            // The document is being replaced; the next one is asked on the next turn.
            return false;
        }
    }
}

using System.Reflection;
using Andalan.Functions.Backend;
using Andalan.Functions.Tests.Fixtures;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;

namespace Andalan.Functions.Tests.Backend;

public sealed class PageReadinessTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task WaitAsync_EventMissed_AsksTheDocumentAfterOnePoll()
    {
        // Playwright's client missed DOMContentLoaded: every wait for the event runs out, the document is ready.
        var time = new FakeTimeProvider();
        var page = ScriptedPage.Create(time, "loading", "interactive");

        var reached = await PageReadiness.WaitAsync(page.Page, LoadState.DOMContentLoaded, Patience, time);

        Assert.True(reached);
        Assert.Equal([PageReadiness.Poll], page.EventWaits);
        Assert.Equal(PageReadiness.Poll, time.GetUtcNow() - time.Start);
    }

    [Fact]
    public async Task WaitAsync_DocumentNeverLoads_FalseAfterTheTimeout()
    {
        var time = new FakeTimeProvider();
        var page = ScriptedPage.Create(time, "loading");

        var reached = await PageReadiness.WaitAsync(
            page.Page, LoadState.DOMContentLoaded, TimeSpan.FromMilliseconds(500), time);

        Assert.False(reached);
        Assert.Equal([200, 200, 100], page.EventWaits.Select(w => w.TotalMilliseconds));
    }

    [Fact]
    public async Task WaitAsync_LoadWanted_InteractiveIsNotEnough()
    {
        var time = new FakeTimeProvider();
        var page = ScriptedPage.Create(time, "interactive", "interactive", "complete");

        var reached = await PageReadiness.WaitAsync(page.Page, LoadState.Load, Patience, time);

        Assert.True(reached);
        Assert.Equal(2, page.EventWaits.Count);
    }

    [Fact]
    public async Task WaitAsync_DocumentBeingReplaced_AsksTheNextOne()
    {
        var time = new FakeTimeProvider();
        var page = ScriptedPage.Create(time, ScriptedPage.ContextDestroyed, "complete");

        Assert.True(await PageReadiness.WaitAsync(page.Page, LoadState.Load, Patience, time));
    }

    [Fact]
    public async Task WaitAsync_DocumentHasNoScriptContextYet_FalseAfterTheTimeout()
    {
        // Asking the readyState waits for the document's script context, which a stalled document may not have.
        var time = new FakeTimeProvider();
        var page = ScriptedPage.Create(time, ScriptedPage.NoAnswer);

        var waiting = PageReadiness.WaitAsync(page.Page, LoadState.DOMContentLoaded, Patience, time);
        time.Advance(Patience);

        Assert.False(await waiting);
        Assert.Empty(page.EventWaits);
    }

    [Fact]
    public async Task WaitAsync_RealPageWithAStalledImage_DocumentReadyButNotLoadedUntilTheImageArrives()
    {
        var (playwright, browser) = await TestChromium.LaunchAsync();
        try
        {
            var page = await browser.NewPageAsync();
            var image = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await page.RouteAsync("http://panel.test/**", async route =>
            {
                if (route.Request.Url.EndsWith("/slow.png", StringComparison.Ordinal))
                {
                    await image.Task;
                    await route.FulfillAsync(new RouteFulfillOptions { Status = 404 });

                    return;
                }

                await route.FulfillAsync(new RouteFulfillOptions
                {
                    ContentType = "text/html",
                    Body = "<!doctype html><title>t</title><form id=f></form><img src=\"/slow.png\">",
                });
            });
            await page.GotoAsync("http://panel.test/", new PageGotoOptions { WaitUntil = WaitUntilState.Commit });

            Assert.True(await PageReadiness.WaitAsync(page, LoadState.DOMContentLoaded, Patience, TimeProvider.System));
            Assert.False(await PageReadiness.WaitAsync(
                page, LoadState.Load, TimeSpan.FromMilliseconds(700), TimeProvider.System));
            Assert.Equal(1, await page.Locator("#f").CountAsync());

            image.SetResult();
            Assert.True(await PageReadiness.WaitAsync(page, LoadState.Load, Patience, TimeProvider.System));
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    /// <summary>
    /// A page whose load events never reach the client (each wait runs its whole timeout on the fake clock) and
    /// whose document answers readyState from a script, the last answer repeating.
    /// </summary>
    public class ScriptedPage : DispatchProxy
    {
        public const string ContextDestroyed = "(context destroyed)";
        public const string NoAnswer = "(no answer)";

        private FakeTimeProvider _time = null!;
        private Queue<string> _readyStates = null!;
        private string _last = "loading";

        public List<TimeSpan> EventWaits { get; } = [];

        public IPage Page => (IPage)(object)this;

        public static ScriptedPage Create(FakeTimeProvider time, params string[] readyStates)
        {
            var script = (ScriptedPage)(object)Create<IPage, ScriptedPage>();
            script._time = time;
            script._readyStates = new Queue<string>(readyStates);

            return script;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            switch (targetMethod?.Name)
            {
                case nameof(IPage.EvaluateAsync):
                    _last = _readyStates.TryDequeue(out var next) ? next : _last;
                    if (_last == NoAnswer)
                    {
                        return new TaskCompletionSource<string>().Task;
                    }

                    if (_last == ContextDestroyed)
                    {
                        _last = "loading";

                        return Task.FromException<string>(
                            new PlaywrightException("Execution context was destroyed by a navigation"));
                    }

                    return Task.FromResult(_last);
                case nameof(IPage.WaitForLoadStateAsync):
                    var wait = TimeSpan.FromMilliseconds(((PageWaitForLoadStateOptions)args![1]!).Timeout!.Value);
                    EventWaits.Add(wait);
                    _time.Advance(wait);

                    return Task.FromException(new TimeoutException($"Timeout {wait.TotalMilliseconds}ms exceeded."));
                case "get_" + nameof(IPage.IsClosed):
                    return false;
                default:
                    throw new NotSupportedException(targetMethod?.Name);
            }
        }
    }
}

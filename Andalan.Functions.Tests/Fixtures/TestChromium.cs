using Andalan.Functions.Backend;
using Microsoft.Playwright;

namespace Andalan.Functions.Tests.Fixtures;

/// <summary>
/// Debian's headless Chromium for tests that drive a page themselves rather than through the app's session
/// (Playwright cannot download its own browser here). The console writers are pinned first, as the app does, so
/// a driver start cannot deadlock with a logger writing to the console.
/// </summary>
internal static class TestChromium
{
    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        ConsoleWriters.Pin();
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = "/usr/bin/chromium",
                Headless = true,
                Args = [.. ChromiumArguments.Required],
            });

            return (playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }
}

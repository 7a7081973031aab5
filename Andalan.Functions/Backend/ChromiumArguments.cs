namespace Andalan.Functions.Backend;

/// <summary>The command-line flags Chromium is launched with.</summary>
public static class ChromiumArguments
{
    /// <summary>
    /// Always on: no sandbox (containers run Chromium without user namespaces), no GPU, /tmp instead of a small
    /// /dev/shm, and no background traffic to Google (updates, sync, field trials).
    /// </summary>
    public static readonly IReadOnlyList<string> Required =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
    ];

    /// <summary>
    /// Memory tuning (<see cref="PanelOptions.LeanChromium"/>): the panel is one trusted site and one page is worked
    /// at a time, so everything runs in a single process (the browser, its renderer, the GPU, network and storage
    /// services: one copy of Chromium's code in memory instead of one per process), without site isolation, a spare
    /// renderer or zygotes; features that only start helpers or caches are off. A crash then takes the whole
    /// browser down, which the session notices and relaunches. notes/backend.md has the measured effect.
    /// </summary>
    public static IReadOnlyList<string> Lean =>
    [
        "--single-process",
        "--renderer-process-limit=1",
        "--disable-site-isolation-trials",
        "--in-process-gpu",
        "--no-zygote",
        "--disable-software-rasterizer",
        "--disable-extensions",
        "--disable-default-apps",
        "--mute-audio",
        "--no-default-browser-check",
        "--disable-breakpad",
        "--enable-features=" + string.Join(',', EnabledFeatures),
        "--disable-features=" + string.Join(',', DisabledFeatures),
        // V8's interpreter only: the panel's pages are forms and tables, not work for an optimising compiler.
        "--js-flags=--lite-mode --max-old-space-size=256",
        "--disk-cache-size=1",
        "--media-cache-size=1",
        "--aggressive-cache-discard",
    ];

    // Chromium reads only the last --enable-features and --disable-features, so these lists repeat the ones
    // Playwright 1.64 passes itself (the first group of each) before adding the memory savings.
    private static readonly string[] EnabledFeatures =
    [
        "CDPScreenshotNewSurface",
        "NetworkServiceInProcess",
        "NetworkServiceInProcess2",
    ];

    private static readonly string[] DisabledFeatures =
    [
        "AvoidUnnecessaryBeforeUnloadCheckSync", "DestroyProfileOnBrowserClose", "DialMediaRouteProvider",
        "GlobalMediaControls", "HttpsUpgrades", "LensOverlay", "MediaRouter", "PaintHolding",
        "ThirdPartyStoragePartitioning", "BlockOriginHeaderModificationOnRedirect",
        "AvoidCorsURLLoaderRestartOnRedirect", "Translate", "AutoDeElevate", "OptimizationHints",
        "NetworkTimeServiceQuerying", "AimEnabled",
        "site-per-process", "IsolateOrigins", "SpareRendererForSitePerProcess", "BackForwardCache",
        "AutofillServerCommunication", "CertificateTransparencyComponentUpdater", "InterestFeedContentSuggestions",
        "HeavyAdPrivacyMitigations", "LazyFrameLoading", "MemoryCacheStrongReference", "PreloadTopChromeWebUI",
    ];


    /// <summary>The flags for a launch with these settings: required, lean when enabled, then the extra ones.</summary>
    public static IReadOnlyList<string> For(PanelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        return [.. Required, .. options.LeanChromium ? Lean : [], .. options.ExtraArguments];
    }
}

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
    /// Memory tuning (<see cref="PanelOptions.LeanChromium"/>): the panel is one trusted site, so one renderer
    /// without site isolation is enough; the GPU process and the zygote are not needed headless; features that
    /// only start helpers or caches are off. notes/backend.md has the measured effect.
    /// </summary>
    public static readonly IReadOnlyList<string> Lean =
    [
        "--renderer-process-limit=1",
        "--disable-site-isolation-trials",
        "--in-process-gpu",
        "--disable-software-rasterizer",
        "--disable-extensions",
        "--disable-default-apps",
        "--mute-audio",
        "--no-default-browser-check",
        "--disable-breakpad",
        "--disable-features=site-per-process,IsolateOrigins,Translate,MediaRouter,OptimizationHints," +
            "AutofillServerCommunication,CertificateTransparencyComponentUpdater,InterestFeedContentSuggestions," +
            "CalculateNativeWinOcclusion,BackForwardCache,HeavyAdPrivacyMitigations,LazyFrameLoading",
        "--js-flags=--max-old-space-size=256",
        "--disk-cache-size=1",
        "--media-cache-size=1",
        "--aggressive-cache-discard",
    ];

    /// <summary>The flags for a launch with these settings: required, lean when enabled, then the extra ones.</summary>
    public static IReadOnlyList<string> For(PanelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        return [.. Required, .. options.LeanChromium ? Lean : [], .. options.ExtraArguments];
    }
}

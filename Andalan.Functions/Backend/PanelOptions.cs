using System.ComponentModel.DataAnnotations;

namespace Andalan.Functions.Backend;

/// <summary>
/// How the admin panel is reached and driven (section <c>Andalan:Panel</c>). The defaults match the sandbox's
/// panel, so pointing the app at the real panel only needs the base URL and credentials, and a changed page
/// needs a setting rather than a code change.
/// </summary>
public sealed class PanelOptions
{
    public const string SectionName = "Andalan:Panel";

    /// <summary>The panel's root, for example <c>https://admin.andalan-atk.co.id/</c>.</summary>
    [Required]
    public Uri? BaseUrl { get; set; }

    /// <summary>The login account (secret: from Key Vault in Azure).</summary>
    [Required]
    public string Username { get; set; } = string.Empty;

    /// <summary>The login password (secret: from Key Vault in Azure; never logged).</summary>
    [Required]
    public string Password { get; set; } = string.Empty;

    [Required]
    public string LoginPath { get; set; } = "/login";

    [Required]
    public string LoginForm { get; set; } = "form#login-form";

    [Required]
    public string UsernameInput { get; set; } = "input[name=email]";

    [Required]
    public string PasswordInput { get; set; } = "input[name=password]";

    [Required]
    public string SubmitButton { get; set; } = "button[type=submit]";

    /// <summary>Where the panel prints why a login failed.</summary>
    [Required]
    public string LoginError { get; set; } = ".alert-danger";

    /// <summary>
    /// An element only a logged-in page shows; empty trusts the redirect away from <see cref="LoginPath"/>.
    /// </summary>
    public string? LoggedInSelector { get; set; }

    /// <summary>Recognises the throttled-login message; group <c>seconds</c> is how long to wait.</summary>
    [Required]
    public string LoginThrottledPattern { get; set; } =
        @"(?i)(?:too many login attempts|terlalu banyak percobaan)\D*?(?<seconds>\d+)\s*(?:seconds?|detik)";

    /// <summary>Recognises the panel's maintenance page in its title or text.</summary>
    [Required]
    public string MaintenancePattern { get; set; } =
        "(?i)sedang dalam pemeliharaan|service unavailable|maintenance mode";

    /// <summary>How the date filter's inputs take a date; <c>yyyy-MM-dd</c> suits HTML date inputs.</summary>
    [Required]
    public string DateInputFormat { get; set; } = "yyyy-MM-dd";

    /// <summary>The panel's time zone: a date window ends on today's date there.</summary>
    [Required]
    public string TimeZone { get; set; } = "Asia/Jakarta";

    /// <summary>
    /// The browser to launch. The default is the binary of Debian's chromium-headless-shell (package of that name;
    /// /usr/bin/chromium-headless-shell is a shell wrapper around it that would stay as one more process): Chromium's
    /// headless-only build, which needs about half the memory of the full browser (/usr/bin/chromium also works).
    /// </summary>
    [Required]
    public string ChromiumPath { get; set; } = "/usr/lib/chromium/chromium-headless-shell";

    public bool Headless { get; set; } = true;

    /// <summary>
    /// Adds the launch flags that keep Chromium's memory down (one renderer, no site isolation, GPU in
    /// process; see <see cref="ChromiumArguments"/>). Off gives the plain launch, for comparison.
    /// </summary>
    public bool LeanChromium { get; set; } = true;

    /// <summary>More Chromium flags, appended after the built-in ones.</summary>
    public IList<string> ExtraArguments { get; set; } = [];

    /// <summary>A downloaded file larger than this is refused.</summary>
    [Range(1, 4096)]
    public int MaxDownloadMegabytes { get; set; } = 200;

    /// <summary>Where evidence goes when no download folder is at hand (login checks); empty is the temp folder.</summary>
    public string? EvidenceDirectory { get; set; }

    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan LaunchTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How many report pages the browser works at once; more wait their turn. One keeps the browser's memory to a
    /// single page's (the downloads are a small part of a run); raise it when the panel is slow to build exports.
    /// </summary>
    [Range(1, 8)]
    public int MaxConcurrentPages { get; set; } = 1;

    /// <summary>
    /// The browser window's width in CSS pixels. 1024 keeps the panel's desktop layout (wider than Bootstrap's
    /// 992 px "large" breakpoint, below which admin templates fold menus and may hide buttons); the painted area
    /// is most of what Chromium's memory grows by, so larger costs memory (1280 x 900 is about 15 MiB more).
    /// </summary>
    [Range(640, 3840)]
    public int ViewportWidth { get; set; } = 1024;

    /// <summary>The browser window's height in CSS pixels; elements below it are scrolled to as needed.</summary>
    [Range(480, 2160)]
    public int ViewportHeight { get; set; } = 768;

    /// <summary>
    /// After each tab closes, tells Chromium it is short of memory (DevTools
    /// <c>Memory.simulatePressureNotification</c>, level moderate), so it collects garbage and drops the caches the
    /// closed page left rather than carrying them into the next export: about 22 MiB off a run's peak, for a call
    /// of a few milliseconds. Off for comparison.
    /// </summary>
    public bool TrimBrowserMemory { get; set; } = true;

    /// <summary>
    /// How long the browser stays open without work before it is closed (the next download starts it again and
    /// logs in); 0 keeps it open until the process ends.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan BrowserIdleTimeout { get; set; } = TimeSpan.FromSeconds(20);

    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan NavigationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a loaded page may take to show an element before the page counts as changed.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan SelectorTimeout { get; set; } = TimeSpan.FromSeconds(10);

    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan LoginTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>From pressing the export button to the whole file being received.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan DownloadTimeout { get; set; } = TimeSpan.FromMinutes(3);

    public long MaxDownloadBytes => MaxDownloadMegabytes * 1024L * 1024L;

    public string EvidenceFolder =>
        string.IsNullOrWhiteSpace(EvidenceDirectory)
            ? Path.Combine(Path.GetTempPath(), "andalan-evidence")
            : EvidenceDirectory;
}

namespace Andalan.Sandbox.Hosting;

/// <summary>How the sandbox is started: ports, seed, data sizes and where to write the app's settings.</summary>
public sealed class SandboxOptions
{
    public const string SectionName = "Sandbox";

    /// <summary>Port for the panel, Sheets, OAuth, Telegram, identity and control endpoints; 0 picks a free one.</summary>
    public int HttpPort { get; set; }

    /// <summary>Port for Key Vault over https with the sandbox's own certificate; 0 picks a free one.</summary>
    public int HttpsPort { get; set; }

    /// <summary>Seed of the generated data; the same seed gives the same data.</summary>
    public int Seed { get; set; } = 20250914;

    public int Transactions { get; set; } = 2_000;

    public int PointTransactions { get; set; } = 1_500;

    public int Users { get; set; } = 800;

    public int CoinPayments { get; set; } = 600;

    /// <summary>How many days of history the generated records spread over, ending at the sandbox's now.</summary>
    public int HistoryDays { get; set; } = 30;

    /// <summary>Minutes of inactivity after which a panel session expires.</summary>
    public double SessionIdleMinutes { get; set; } = 30;

    /// <summary>File to write the app's settings to, in the shape of local.settings.json; empty writes none.</summary>
    public string? SettingsFile { get; set; }

    /// <summary>Folder for the generated certificate and other files; empty uses a temporary folder.</summary>
    public string? WorkDirectory { get; set; }

    /// <summary>
    /// Up to 20 letters and digits that begin the generated panel password, bot token secret and identity header,
    /// so a secret canary test can find them in any output; empty for none.
    /// </summary>
    public string? SecretMarker { get; set; }

    /// <summary>The spreadsheet the sandbox's Sheets service holds.</summary>
    public string SpreadsheetId { get; set; } = "andalan-sandbox-sheet";

    /// <summary>Write requests a minute per user before Sheets answers 429.</summary>
    public int SheetsWritesPerMinute { get; set; } = 60;

    /// <summary>Read requests a minute per user before Sheets answers 429.</summary>
    public int SheetsReadsPerMinute { get; set; } = 300;
}

using System.ComponentModel.DataAnnotations;

namespace Andalan.Functions.Sheets;

/// <summary>Settings of the Google Sheets target, section <c>Andalan:Sheets</c>.</summary>
public sealed class SheetsOptions
{
    public const string SectionName = "Andalan:Sheets";

    /// <summary>The Sheets API's base address; the sandbox's in tests.</summary>
    [Required]
    public Uri BaseUrl { get; set; } = new("https://sheets.googleapis.com/");

    /// <summary>The spreadsheet's id, from its URL (…/spreadsheets/d/{id}/edit).</summary>
    [Required]
    public string SpreadsheetId { get; set; } = string.Empty;

    /// <summary>A secret: the service account's key file as JSON, as the Google Cloud console hands it out.</summary>
    [Required]
    public string ServiceAccountJson { get; set; } = string.Empty;

    /// <summary>How long one call may keep retrying 429 and 5xx answers before it gives up.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:30:00")]
    public TimeSpan RetryBudget { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The first backoff delay; it doubles each retry (jittered) up to <see cref="MaxRetryDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    [Range(typeof(TimeSpan), "00:00:00.010", "00:05:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(32);

    /// <summary>How long one HTTP request may take.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>
    /// Cells in one write request (a request also stays under <see cref="MaxRequestBytes"/>). Fewer, larger writes
    /// keep a large load inside Google's 60 write requests a minute: 200,000 transactions take 25 writes, not 48.
    /// </summary>
    [Range(100, 100_000)]
    public int MaxCellsPerWrite { get; set; } = 80_000;

    /// <summary>Bytes of JSON in one write request.</summary>
    [Range(64 * 1024, 10 * 1024 * 1024)]
    public int MaxRequestBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>Google's limit of cells in a spreadsheet, counted over every tab's grid.</summary>
    [Range(1, 10_000_000)]
    public long CellLimit { get; set; } = 10_000_000;

    /// <summary>Google's limit of characters in one cell; a record with a longer value is rejected.</summary>
    [Range(1, 50_000)]
    public int MaxCellCharacters { get; set; } = 50_000;

    /// <summary>Empty columns a new tab gets to the right of the schema's, for people's own notes.</summary>
    [Range(0, 100)]
    public int SpareColumns { get; set; } = 3;
}

using System.ComponentModel.DataAnnotations;

namespace Andalan.Functions.Storage;

/// <summary>
/// Where downloaded files and run outcomes are kept (section <c>Andalan:Storage</c>). The account itself is the
/// Functions host's: the <c>AzureWebJobsStorage</c> connection string, or its identity-based
/// <c>AzureWebJobsStorage__blobServiceUri</c> and <c>__tableServiceUri</c>.
/// </summary>
public sealed class StorageOptions
{
    public const string SectionName = "Andalan:Storage";

    /// <summary>The blob container of downloaded files and failure evidence, by run.</summary>
    [Required]
    [RegularExpression("^(?!.*--)[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$",
        ErrorMessage = "ArchiveContainer must be 3-63 lower-case letters, digits and single dashes.")]
    public string ArchiveContainer { get; set; } = "andalan-exports";

    /// <summary>The table of run outcomes, one entity per run.</summary>
    [Required]
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{2,62}$",
        ErrorMessage = "HistoryTable must be 3-63 letters and digits, starting with a letter.")]
    public string HistoryTable { get; set; } = "AndalanRuns";

    /// <summary>
    /// Days a run's files are kept. In Azure a lifecycle rule deletes them; the archive's cleanup enforces
    /// the same on Azurite or where no rule is set.
    /// </summary>
    [Range(1, 3650)]
    public int RetentionDays { get; set; } = 90;
}

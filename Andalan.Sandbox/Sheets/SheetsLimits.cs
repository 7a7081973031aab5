namespace Andalan.Sandbox.Sheets;

/// <summary>
/// Google's hard limits, settable so tests can reach them cheaply. The quotas per minute live in
/// <see cref="Hosting.SandboxOptions"/>.
/// </summary>
public sealed class SheetsLimits
{
    /// <summary>Cells across all tabs of a spreadsheet, counted by grid size as Google does.</summary>
    public long CellLimit { get; set; } = 10_000_000;

    /// <summary>Largest request body accepted, after decompression; larger ones answer 413.</summary>
    public long MaxRequestBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Characters a single cell may hold.</summary>
    public int MaxCellCharacters { get; set; } = 50_000;

    /// <summary>How long an issued access token stays valid.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromSeconds(3599);
}

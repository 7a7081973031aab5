namespace Andalan.Functions.Sheets;

/// <summary>
/// What a sync of one export did (or, in a dry run, would do): records new, changed and unchanged in the tab,
/// records rejected, cells written and the API calls it took.
/// </summary>
public sealed record SheetSyncOutcome
{
    public required string Export { get; init; }

    public required string Tab { get; init; }

    public bool DryRun { get; init; }

    /// <summary>True when the tab did not exist (or had no header) and the sync laid it out (or, dry, would).</summary>
    public bool TabCreated { get; init; }

    public int New { get; init; }

    public int Changed { get; init; }

    public int Unchanged { get; init; }

    public int Rejected => Rejections.Count;

    /// <summary>Cells sent in write requests (header, new rows, changed cells).</summary>
    public long CellsWritten { get; init; }

    /// <summary>Sheets API calls made, reads and writes, not counting retries.</summary>
    public int ApiCalls { get; init; }

    /// <summary>Attempts retried after 429, 5xx or no answer.</summary>
    public int Retries { get; init; }

    /// <summary>Keys the tab held more than once before the sync; the first of each is kept up to date.</summary>
    public IReadOnlyList<string> DuplicateKeysInTab { get; init; } = [];

    public IReadOnlyList<RejectedRecord> Rejections { get; init; } = [];

    public TimeSpan Elapsed { get; init; }
}

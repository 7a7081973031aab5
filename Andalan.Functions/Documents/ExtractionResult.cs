using Andalan.Functions.Exports;

namespace Andalan.Functions.Documents;

/// <summary>What reading one export file produced.</summary>
public sealed class ExtractionResult
{
    public required string Export { get; init; }

    /// <summary>The file's format as its content shows (not as its name or the export claims).</summary>
    public required ExportFormat Format { get; init; }

    /// <summary>The valid records in file order.</summary>
    public required IReadOnlyList<ExportRecord> Records { get; init; }

    /// <summary>One entry per problem; a row with any problem is not in <see cref="Records"/>.</summary>
    public required IReadOnlyList<RejectedRow> Rejected { get; init; }

    /// <summary>Things an operator may want to know that did not stop the read (an unknown extra column).</summary>
    public required IReadOnlyList<string> Warnings { get; init; }

    /// <summary>Data rows read below the header (records plus rejected rows).</summary>
    public required int RowsRead { get; init; }

    /// <summary>Pages read (PDF) or 1 (workbook sheet).</summary>
    public required int Pages { get; init; }

    /// <summary>The number of distinct rows rejected.</summary>
    public int RowsRejected => Rejected.Select(r => r.Row).Distinct().Count();
}

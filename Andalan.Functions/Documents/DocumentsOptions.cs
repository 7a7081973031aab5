using System.ComponentModel.DataAnnotations;

namespace Andalan.Functions.Documents;

/// <summary>Limits that keep a hostile or broken file from costing unbounded time or memory.</summary>
public sealed class DocumentsOptions
{
    public const string SectionName = "Andalan:Documents";

    /// <summary>A PDF with more pages is refused before any page is read.</summary>
    [Range(1, 1_000_000)]
    public int MaxPages { get; set; } = 20_000;

    /// <summary>A table with more data rows is refused when the limit is crossed.</summary>
    [Range(1, 50_000_000)]
    public int MaxRows { get; set; } = 2_000_000;

    /// <summary>
    /// An xlsx whose entries unpack to more bytes is refused before it is unpacked (a zip bomb unpacks a few
    /// kilobytes into gigabytes).
    /// </summary>
    [Range(1024L, long.MaxValue)]
    public long MaxXlsxUncompressedBytes { get; set; } = 1L << 30;

    /// <summary>How many rows (xlsx) or text lines (PDF, first page) are searched for the header.</summary>
    [Range(1, 10_000)]
    public int HeaderSearchRows { get; set; } = 60;
}

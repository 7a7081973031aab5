using System.Text.RegularExpressions;

namespace Andalan.Functions.Documents.Pdf;

/// <summary>What a report prints around its table on every page: page numbers, print stamps, addresses.</summary>
internal static partial class PageFurniture
{
    /// <summary>A line that is page furniture wherever it appears.</summary>
    public static bool IsFooter(string line) => Footer().IsMatch(line);

    /// <summary>A line that is only a page number ("3", "- 3 -", "3/12"); furniture at the foot of a page.</summary>
    public static bool IsPageNumber(string line) => PageNumber().IsMatch(line);

    [GeneratedRegex(
        @"\b(?:halaman|hal\.?|page)\s*\d+(?:\s*(?:dari|of|/)\s*\d+)?\b|^\s*(?:dicetak|printed|generated|diunduh)\b" +
        @"|^\s*(?:(?:https?|file)://|about:blank)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Footer();

    [GeneratedRegex(@"^\s*[-–]?\s*\d{1,5}\s*(?:/\s*\d{1,5})?\s*[-–]?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex PageNumber();
}

namespace Andalan.Functions.Documents;

/// <summary>The closing row a report adds under its table ("Total", "Jumlah", "Grand Total"): not a record.</summary>
internal static class TotalRow
{
    private static readonly HashSet<string> Labels = new(StringComparer.Ordinal)
    {
        "total", "jumlah", "grandtotal", "totalkeseluruhan", "jumlahtotal", "subtotal", "totalakhir", "jumlahakhir",
    };

    public static bool IsTotalLabel(string text) => text.Length < 40 && Labels.Contains(LabelText.Normalize(text));

    /// <summary>True when the text starts with a total label, as in "Grand Total: 12 transaksi".</summary>
    public static bool StartsWithTotalLabel(string text)
    {
        // Every label starts with one of these letters; most cells do not, and this runs for every row.
        if (text.Length == 0 || "TtJjGgSs".IndexOf(text[0], StringComparison.Ordinal) < 0)
        {
            return false;
        }

        var head = text.Split(':', 2)[0];
        var words = head.Split(' ', StringSplitOptions.RemoveEmptyEntries);

        return (words.Length > 0 && IsTotalLabel(words[0])) ||
            (words.Length > 1 && IsTotalLabel(words[0] + words[1]));
    }
}

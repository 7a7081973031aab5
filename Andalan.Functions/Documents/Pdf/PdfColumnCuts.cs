namespace Andalan.Functions.Documents.Pdf;

/// <summary>
/// Where one column ends and the next begins on a page. Header cells and data words together leave vertical
/// white space between columns however each column is aligned (left, right or centred), so a cut goes in the
/// widest such gutter between two header cells; where the text of two columns touches, the cut falls midway
/// between their header cells.
/// </summary>
internal static class PdfColumnCuts
{
    private const double Touching = 0.5;

    public static double[] Compute(IReadOnlyList<PdfHeaderColumn> header, IEnumerable<PdfWord> body)
    {
        var spans = new List<(double Left, double Right)>(header.Select(c => (c.Left, c.Right)));
        spans.AddRange(body.Select(w => (w.Left, w.Right)));
        spans.Sort((a, b) => a.Left.CompareTo(b.Left));

        // Blocks of x covered by some text, and the gutters between them.
        var gutters = new List<(double Left, double Right)>();
        var reach = double.NegativeInfinity;
        foreach (var (left, right) in spans)
        {
            if (left > reach + Touching && !double.IsNegativeInfinity(reach))
            {
                gutters.Add((reach, left));
            }

            reach = Math.Max(reach, right);
        }

        var cuts = new double[Math.Max(0, header.Count - 1)];
        for (var i = 0; i < cuts.Length; i++)
        {
            var from = header[i].Right;
            var to = header[i + 1].Left;
            var best = (Left: 0.0, Right: 0.0);
            foreach (var gutter in gutters)
            {
                if (gutter.Left >= from - Touching && gutter.Right <= to + Touching &&
                    gutter.Right - gutter.Left > best.Right - best.Left)
                {
                    best = gutter;
                }
            }

            cuts[i] = best.Right > best.Left ? (best.Left + best.Right) / 2 : (from + to) / 2;
        }

        return cuts;
    }

    /// <summary>The column a word belongs to, by its centre.</summary>
    public static int ColumnOf(double[] cuts, double x)
    {
        var column = 0;
        while (column < cuts.Length && x > cuts[column])
        {
            column++;
        }

        return column;
    }
}

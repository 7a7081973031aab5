namespace Andalan.Functions.Documents.Pdf;

/// <summary>
/// Finds the table header among a page's lines by its labels. A header may take up to three lines: labels
/// that wrap ("No." over "Invoice") and, where cells are centred vertically, one-line labels between them.
/// </summary>
internal sealed class PdfHeaderFinder(HeaderMatcher matcher)
{
    private const int MostHeaderLines = 3;

    /// <summary>The best header among the first lines, and the best near miss for messages.</summary>
    public PdfHeader? Find(IReadOnlyList<PdfLine> lines, int searchLines, out TableHeader? nearest)
    {
        nearest = null;
        PdfHeader? best = null;
        var limit = Math.Min(lines.Count, searchLines);
        for (var first = 0; first < limit; first++)
        {
            for (var count = 1; count <= MostHeaderLines && first + count <= lines.Count; count++)
            {
                var last = first + count - 1;
                if (count > 1 && lines[last].Baseline - lines[last - 1].Baseline > 1.8 * lines[last].FontSize)
                {
                    break;
                }

                var columns = Cells(lines, first, last);
                var table = matcher.Match([.. columns.Select(c => c.Label)]);
                if (nearest is null || table.MatchedFields > nearest.MatchedFields)
                {
                    nearest = table;
                }

                if (matcher.IsHeader(table) && (best is null || table.MatchedFields > best.Table.MatchedFields))
                {
                    best = new PdfHeader(table, columns, first, last);
                }
            }

            // The first header that matches is the one; later lines may only add a wrapped second line.
            if (best is not null && first > best.FirstLine)
            {
                break;
            }
        }

        return best;
    }

    /// <summary>
    /// Groups the words of header lines into cells: words close together on a line form a phrase, phrases
    /// stacked over each other form one cell, and a cell that reads as several known labels is split.
    /// </summary>
    private List<PdfHeaderColumn> Cells(IReadOnlyList<PdfLine> lines, int first, int last)
    {
        var phrases = new List<(List<PdfWord> Words, int Line)>();
        for (var i = first; i <= last; i++)
        {
            List<PdfWord>? phrase = null;
            foreach (var word in lines[i].Words)
            {
                if (phrase is null || word.Left - phrase[^1].Right > 0.6 * word.FontSize)
                {
                    phrase = [];
                    phrases.Add((phrase, i));
                }

                phrase.Add(word);
            }
        }

        var cells = new List<List<(List<PdfWord> Words, int Line)>>();
        foreach (var phrase in phrases.OrderBy(p => p.Words[0].Left))
        {
            var left = phrase.Words[0].Left;
            var right = phrase.Words[^1].Right;
            var stack = cells.FirstOrDefault(c => c.All(p => p.Line != phrase.Line) &&
                c.Any(p => p.Words[0].Left < right && left < p.Words[^1].Right));
            if (stack is null)
            {
                cells.Add([phrase]);
            }
            else
            {
                stack.Add(phrase);
            }
        }

        var columns = new List<PdfHeaderColumn>();
        foreach (var cell in cells)
        {
            var words = cell.OrderBy(p => p.Line).SelectMany(p => p.Words).ToList();
            var label = string.Join(' ', words.Select(w => w.Text));
            if (cell.Count == 1 && words.Count > 1 && matcher.Classify(label) == HeaderMatcher.Unknown)
            {
                foreach (var range in matcher.SplitIntoLabels([.. words.Select(w => w.Text)]))
                {
                    var part = words[range];
                    columns.Add(new PdfHeaderColumn(string.Join(' ', part.Select(w => w.Text)), part[0].Left,
                        part[^1].Right));
                }

                continue;
            }

            columns.Add(new PdfHeaderColumn(label, words.Min(w => w.Left), words.Max(w => w.Right)));
        }

        columns.Sort((a, b) => a.Left.CompareTo(b.Left));

        return columns;
    }
}

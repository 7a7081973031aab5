using UglyToad.PdfPig.Content;

namespace Andalan.Functions.Documents.Pdf;

/// <summary>A page's horizontal words grouped into lines by baseline, top to bottom.</summary>
internal static class PdfPageText
{
    public static List<PdfLine> Lines(Page page)
    {
        var words = Words(page);
        words.Sort((a, b) => a.Baseline.CompareTo(b.Baseline));
        var lines = new List<PdfLine>();
        PdfLine? line = null;
        foreach (var word in words)
        {
            if (line is null || word.Baseline - line.Baseline > 0.3 * Math.Min(word.FontSize, line.FontSize))
            {
                line = new PdfLine(word.Baseline, word.FontSize);
                lines.Add(line);
            }

            line.Words.Add(word);
            line.FontSize = Math.Max(line.FontSize, word.FontSize);
        }

        foreach (var each in lines)
        {
            each.Words.Sort((a, b) => a.Left.CompareTo(b.Left));
        }

        return lines;
    }

    /// <summary>
    /// Words from the page's letters in drawing order: a space, a jump in baseline or a gap wider than a fifth
    /// of the font size ends a word. PdfPig's own word extractor compares letters pairwise, which costs more
    /// than the rest of reading a page; table cells are drawn left to right, so drawing order suffices.
    /// </summary>
    private static List<PdfWord> Words(Page page)
    {
        var top = page.MediaBox.Bounds.Top;
        var words = new List<PdfWord>();
        var text = new System.Text.StringBuilder(16);
        double left = 0, right = 0, baseline = 0, size = 0;
        foreach (var letter in page.Letters)
        {
            var value = letter.Value;
            var y = top - letter.StartBaseLine.Y;
            var x = letter.StartBaseLine.X;
            var pointSize = letter.PointSize > 0 ? letter.PointSize : letter.BoundingBox.Height;
            var horizontal = letter.TextOrientation == TextOrientation.Horizontal;
            var breaks = text.Length > 0 && (!horizontal || string.IsNullOrWhiteSpace(value) ||
                Math.Abs(y - baseline) > 0.3 * Math.Min(size, pointSize) ||
                x - right > 0.2 * Math.Max(size, pointSize) || x < right - (0.5 * pointSize));
            if (breaks)
            {
                words.Add(new PdfWord(WithoutLigatures(text.ToString()), left, right, baseline, size));
                text.Clear();
            }

            // Rotated text is a watermark or a stamp, never a cell of these tables.
            if (!horizontal || string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            if (text.Length == 0)
            {
                left = x;
                baseline = y;
                size = pointSize;
            }

            text.Append(value);
            right = Math.Max(letter.EndBaseLine.X, x);
            size = Math.Max(size, pointSize);
        }

        if (text.Length > 0)
        {
            words.Add(new PdfWord(WithoutLigatures(text.ToString()), left, right, baseline, size));
        }

        return words;
    }

    /// <summary>Typesetting ligatures (ﬁ, ﬂ) are one glyph for two letters; the text has the letters.</summary>
    private static string WithoutLigatures(string text)
    {
        foreach (var c in text)
        {
            if (c is >= '\uFB00' and <= '\uFB06')
            {
                return text.Normalize(System.Text.NormalizationForm.FormKC);
            }
        }

        return text;
    }
}

using UglyToad.PdfPig.Content;

namespace Andalan.Functions.Documents.Pdf;

/// <summary>A page's horizontal words grouped into lines by baseline, top to bottom.</summary>
internal static class PdfPageText
{
    public static List<PdfLine> Lines(Page page)
    {
        var top = page.MediaBox.Bounds.Top;
        var words = new List<PdfWord>();
        foreach (var word in page.GetWords())
        {
            // Rotated text is a watermark or a stamp, never a cell of these tables.
            if (word.TextOrientation != TextOrientation.Horizontal || word.Letters.Count == 0 ||
                string.IsNullOrWhiteSpace(word.Text))
            {
                continue;
            }

            var first = word.Letters[0];
            var size = first.PointSize > 0 ? first.PointSize : word.BoundingBox.Height;
            words.Add(new PdfWord(WithoutLigatures(word.Text), word.BoundingBox.Left, word.BoundingBox.Right,
                top - first.StartBaseLine.Y, size));
        }

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

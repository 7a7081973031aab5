using UglyToad.PdfPig.Graphics.Operations;
using UglyToad.PdfPig.Graphics.Operations.General;
using UglyToad.PdfPig.Graphics.Operations.PathConstruction;
using UglyToad.PdfPig.Graphics.Operations.PathPainting;
using UglyToad.PdfPig.Graphics.Operations.TextObjects;
using UglyToad.PdfPig.Graphics.Operations.TextPositioning;
using UglyToad.PdfPig.Graphics.Operations.TextShowing;
using UglyToad.PdfPig.Graphics.Operations.TextState;
using UglyToad.PdfPig.Tokens;
using UglyToad.PdfPig.Writer;

namespace Andalan.Sandbox.Reports;

/// <summary>
/// Adds a table's text and rules to a PdfPig page as content-stream operations: one text object with relative
/// moves and one path of rules, where <see cref="PdfPageBuilder.AddText"/> would lay out every glyph and open a
/// text object per call (about 50 times slower at 50,000 rows). The page must already show text in each font
/// used (its page header does), so the page's resources name the fonts.
/// </summary>
internal sealed class PdfPigPageContent
{
    private readonly List<IGraphicsStateOperation> _text = [];
    private readonly List<IGraphicsStateOperation> _rules = [];
    private (NameToken? Font, double Size) _state;
    private (double X, double Y) _line;

    /// <summary>The resource name of the font of the page's latest <see cref="PdfPageBuilder.AddText"/>.</summary>
    public static NameToken FontOfLastText(PdfPageBuilder page)
    {
        ArgumentNullException.ThrowIfNull(page);

        return page.CurrentStream.Operations.OfType<SetFontAndSize>().Last().Font;
    }

    /// <summary>Shows text with its baseline starting at (x, y); Helvetica's WinAnsi codes are ASCII's.</summary>
    public void Text(string text, NameToken font, double size, double x, double y)
    {
        if (_text.Count == 0)
        {
            _text.Add(BeginText.Value);
        }

        if (_state != (font, size))
        {
            _text.Add(new SetFontAndSize(font, size));
            _state = (font, size);
        }

        _text.Add(new MoveToNextLineWithOffset(x - _line.X, y - _line.Y));
        _line = (x, y);
        var bytes = new byte[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            bytes[i] = text[i] < 128 ? (byte)text[i] : (byte)'?';
        }

        _text.Add(new ShowText(bytes));
    }

    public void Rule(double x1, double y1, double x2, double y2)
    {
        _rules.Add(new BeginNewSubpath(x1, y1));
        _rules.Add(new AppendStraightLineSegment(x2, y2));
    }

    /// <summary>Writes the text object, then strokes every rule at once.</summary>
    public void WriteTo(PdfPageBuilder page, double ruleWidth)
    {
        ArgumentNullException.ThrowIfNull(page);
        var operations = page.CurrentStream.Operations;
        if (_text.Count > 0)
        {
            operations.AddRange(_text);
            operations.Add(EndText.Value);
        }

        if (_rules.Count > 0)
        {
            operations.Add(new SetLineWidth(ruleWidth));
            operations.AddRange(_rules);
            operations.Add(StrokePath.Value);
            operations.Add(new SetLineWidth(1));
        }
    }
}

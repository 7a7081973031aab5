using System.Collections.Concurrent;
using UglyToad.PdfPig.Fonts.Standard14Fonts;

namespace Andalan.Sandbox.Reports;

/// <summary>
/// Text widths in Helvetica and Helvetica-Bold from the fonts' Adobe metrics, so the report can wrap and align
/// text before it is drawn. The builder's own measuring works per page; the table is laid out before pages exist.
/// </summary>
internal sealed class Standard14Widths
{
    private static readonly ConcurrentDictionary<Standard14Font, double[]> Advances = new();

    private readonly double[] _regular;
    private readonly double[] _bold;

    public Standard14Widths()
    {
        _regular = Advances.GetOrAdd(Standard14Font.Helvetica, Load);
        _bold = Advances.GetOrAdd(Standard14Font.HelveticaBold, Load);
    }

    public double Regular(string text, double size) => Measure(_regular, text, size);

    public double Bold(string text, double size) => Measure(_bold, text, size);

    private static double Measure(double[] advances, string text, double size)
    {
        var units = 0d;
        foreach (var c in text)
        {
            // Text is ASCII (the panel's data is); anything else is measured as a digit's width.
            units += c < advances.Length ? advances[c] : 556;
        }

        return units * size / 1000;
    }

    /// <summary>Advance widths in thousandths of the font size, by character code (WinAnsi matches ASCII).</summary>
    private static double[] Load(Standard14Font font)
    {
        var metrics = Standard14.GetAdobeFontMetrics(font);
        var advances = Enumerable.Repeat(556d, 128).ToArray();
        foreach (var metric in metrics.CharacterMetrics.Values)
        {
            if (metric.CharacterCode is > 0 and < 128)
            {
                advances[metric.CharacterCode] = metric.Width.X;
            }
        }

        // The Adobe standard encoding puts a curly quote at 0x27 and 0x60; WinAnsi has the straight ones.
        advances['\''] = metrics.CharacterMetrics.TryGetValue("quotesingle", out var single) ? single.Width.X : 191;
        advances['`'] = metrics.CharacterMetrics.TryGetValue("grave", out var grave) ? grave.Width.X : 333;

        return advances;
    }
}

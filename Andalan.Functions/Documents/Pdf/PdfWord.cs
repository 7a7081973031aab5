namespace Andalan.Functions.Documents.Pdf;

/// <summary>A word on a page, in points from the page's top left (y grows downwards).</summary>
internal readonly record struct PdfWord(string Text, double Left, double Right, double Baseline, double FontSize)
{
    public double Centre => (Left + Right) / 2;
}

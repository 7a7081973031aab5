namespace Andalan.Functions.Documents.Pdf;

/// <summary>Words that share a baseline, left to right.</summary>
internal sealed class PdfLine(double baseline, double fontSize)
{
    public List<PdfWord> Words { get; } = [];

    public double Baseline { get; } = baseline;

    public double FontSize { get; set; } = fontSize;

    public double Left => Words[0].Left;

    public double Right => Words[^1].Right;

    public string Text => string.Join(' ', Words.Select(w => w.Text));
}

namespace Andalan.Functions.Documents.Pdf;

/// <summary>A header cell on a page: its label, the field it maps to, and where it is printed.</summary>
internal sealed record PdfHeaderColumn(string Label, double Left, double Right)
{
    public double Centre => (Left + Right) / 2;
}

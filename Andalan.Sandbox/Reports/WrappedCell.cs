namespace Andalan.Sandbox.Reports;

/// <summary>
/// A table cell's text broken into lines that fit its width, as report generators print it: words wrap at
/// spaces, and a single word too wide for the cell shrinks the cell's font rather than being cut, so folding
/// the lines with one space always gives back the text.
/// </summary>
internal sealed record WrappedCell(IReadOnlyList<string> Lines, double FontSize)
{
    private const double SmallestFontSize = 4;

    public static readonly WrappedCell Blank = new([], 0);

    /// <param name="measure">The width of a text at a font size.</param>
    public static WrappedCell Wrap(string? text, double width, double fontSize, Func<string, double, double> measure)
    {
        ArgumentNullException.ThrowIfNull(measure);
        if (string.IsNullOrWhiteSpace(text))
        {
            return Blank;
        }

        if (measure(text, fontSize) <= width)
        {
            return new WrappedCell([text], fontSize);
        }

        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var widest = words.Max(w => measure(w, fontSize));
        var size = widest > width ? Math.Max(SmallestFontSize, Math.Floor(fontSize * width / widest * 10) / 10) : fontSize;

        var lines = new List<string>();
        var line = words[0];
        foreach (var word in words.AsSpan(1))
        {
            var longer = line + " " + word;
            if (measure(longer, size) <= width)
            {
                line = longer;
                continue;
            }

            lines.Add(line);
            line = word;
        }

        lines.Add(line);

        return new WrappedCell(lines, size);
    }
}

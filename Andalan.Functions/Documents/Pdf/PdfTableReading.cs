using Andalan.Functions.Exports;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Exceptions;

namespace Andalan.Functions.Documents.Pdf;

/// <summary>
/// Reads a PDF report's table page by page. The header is found by its labels; column cuts come from the
/// header and the white space between the data; each word goes to the cell under its column; a line without
/// a key (or row number) continues the row above it, so wrapped cells join their row, across a page break
/// too. Titles, period lines and page headers above the table, and footers, page numbers and total rows below
/// it, are left out. Only one page's words are held at a time.
/// </summary>
internal sealed class PdfTableReading : TableReading
{
    private const int PagesSearchedForHeader = 3;
    private const int LinesSearchedForRepeatedHeader = 15;
    private const int MostKeyShapes = 64;

    private readonly PdfDocument _document;
    private readonly HeaderMatcher _matcher;
    private readonly PdfHeaderFinder _finder;
    private readonly Queue<TableRow> _ready = new();
    private readonly HashSet<string> _keyShapes = new(StringComparer.Ordinal);
    private readonly TableHeader _table;
    private readonly int _keyColumn;
    private readonly int _rowNumberColumn;
    private IReadOnlyList<PdfHeaderColumn> _columns;
    private double[] _cuts = [];
    private double _rowPitch;
    private double _rowThreshold;
    private bool _banded;
    private PdfOpenRow? _open;
    private TableRow? _previous;
    private int _rows;
    private int _linesRead;
    private int _pagesRead;

    public PdfTableReading(Stream content, HeaderMatcher matcher, DocumentsOptions options)
    {
        _matcher = matcher;
        _finder = new PdfHeaderFinder(matcher);
        _document = Open(content);
        try
        {
            var pages = _document.NumberOfPages;
            if (pages == 0)
            {
                throw new DocumentException(DocumentErrorKind.Empty, "The PDF has no pages: expected a report table.");
            }

            if (pages > options.MaxPages)
            {
                throw new DocumentException(DocumentErrorKind.TooLarge,
                    $"The PDF has {pages:N0} pages, over the limit of {options.MaxPages:N0} " +
                    $"({DocumentsOptions.SectionName}:MaxPages); it is refused unread.");
            }

            PageCount = pages;
            var header = FindFirstHeader(options.HeaderSearchRows, out var lines);
            _table = header.Table;
            _columns = header.Columns;
            _keyColumn = _table.ColumnOf(matcher.KeyIndex);
            _rowNumberColumn = _table.Columns.Select((c, i) => (c, i)).FirstOrDefault(p =>
                p.c.Field == HeaderMatcher.RowNumber, (null!, -1)).Item2;
            ReadBody(lines, header.LastLine + 1, _pagesRead, headerOnPage: true);
        }
        catch
        {
            _document.Dispose();
            throw;
        }
    }

    public override ExportFormat Format => ExportFormat.Pdf;

    public override TableHeader Header => _table;

    public override int Pages => _pagesRead;

    private int PageCount { get; }

    public override IEnumerable<TableRow> Rows(CancellationToken cancellationToken)
    {
        while (true)
        {
            while (_ready.TryDequeue(out var row))
            {
                yield return row;
            }

            if (_pagesRead >= PageCount)
            {
                break;
            }

            cancellationToken.ThrowIfCancellationRequested();
            ReadPage(_pagesRead + 1);
        }

        if (_open is not null)
        {
            Emit(_open.Close());
            _open = null;
        }

        while (_ready.TryDequeue(out var row))
        {
            yield return row;
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _document.Dispose();
        }

        base.Dispose(disposing);
    }

    private static PdfDocument Open(Stream content)
    {
        try
        {
            return PdfDocument.Open(content, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
        }
        catch (PdfDocumentEncryptedException e)
        {
            throw new DocumentException(DocumentErrorKind.Encrypted,
                "The PDF is encrypted with a password; expected an unprotected report. Export it without a password.", e);
        }
        catch (Exception e) when (IsParserFailure(e))
        {
            throw new DocumentException(DocumentErrorKind.Corrupt,
                $"The PDF cannot be parsed ({e.GetType().Name}: {e.Message}); expected a readable report.", e);
        }
    }

    /// <summary>
    /// PdfPig reports a damaged file through many exception types (its own format exception, but also index,
    /// cast and null errors from deep in its parsers); any of them means this file cannot be read.
    /// </summary>
    private static bool IsParserFailure(Exception e) =>
        e is not (DocumentException or OperationCanceledException or OutOfMemoryException);

    private List<PdfLine> PageLines(int number, out bool scanned)
    {
        try
        {
            var page = _document.GetPage(number);
            _pagesRead = number;
            var lines = PdfPageText.Lines(page);
            scanned = lines.Count == 0 && page.NumberOfImages > 0;

            return lines;
        }
        catch (PdfDocumentEncryptedException e)
        {
            throw new DocumentException(DocumentErrorKind.Encrypted, "The PDF is encrypted with a password.", e);
        }
        catch (Exception e) when (IsParserFailure(e))
        {
            throw new DocumentException(DocumentErrorKind.Corrupt,
                $"Page {number} of the PDF cannot be read ({e.GetType().Name}: {e.Message}).", e);
        }
    }

    private PdfHeader FindFirstHeader(int searchLines, out List<PdfLine> lines)
    {
        var scannedPages = 0;
        var textPages = 0;
        TableHeader? nearest = null;
        var found = new List<string>();
        for (var number = 1; number <= Math.Min(PageCount, PagesSearchedForHeader); number++)
        {
            lines = PageLines(number, out var scanned);
            scannedPages += scanned ? 1 : 0;
            if (lines.Count == 0)
            {
                continue;
            }

            textPages++;
            var header = _finder.Find(lines, searchLines, out var near);
            if (header is not null)
            {
                return header;
            }

            if (near is not null && (nearest is null || near.MatchedFields > nearest.MatchedFields))
            {
                nearest = near;
            }

            found.AddRange(lines.Take(4 - found.Count).Select(l => $"page {number}: '{Shorten(l.Text)}'"));
        }

        if (textPages == 0)
        {
            throw scannedPages > 0
                ? new DocumentException(DocumentErrorKind.Scanned,
                    "The PDF's pages are images without text: it is a scan, and this reader does not do OCR. " +
                    "Expected a report with a text layer.")
                : new DocumentException(DocumentErrorKind.Empty, "The PDF's pages hold no text: expected a report table.");
        }

        throw new DocumentException(DocumentErrorKind.HeaderNotFound,
            $"No table header with the labels of export '{_matcher.Export.Name}' on the first " +
            $"{Math.Min(PageCount, PagesSearchedForHeader)} page(s). Expected the labels {_matcher.ExpectedLabels}; " +
            $"found instead: {string.Join("; ", found)}" +
            (nearest is { MatchedFields: > 0 } ? $"; the closest line had the columns {nearest.Describe()}." : "."));
    }

    private static string Shorten(string text) => text.Length <= 90 ? text : text[..87] + "...";

    private void ReadPage(int number)
    {
        var lines = PageLines(number, out _);
        if (lines.Count == 0)
        {
            return;
        }

        var repeated = _finder.Find(lines, LinesSearchedForRepeatedHeader, out _);
        if (repeated is not null && repeated.Columns.Count == _columns.Count)
        {
            _columns = repeated.Columns;
            ReadBody(lines, repeated.LastLine + 1, number, headerOnPage: true);

            return;
        }

        var start = FirstRowLine(lines);
        if (start >= 0)
        {
            ReadBody(lines, start, number, headerOnPage: false);
        }
    }

    /// <summary>
    /// On a page without a repeated header, the table starts at the first line with a key shaped like the keys
    /// seen before (a page title is not), together with the lines just above it that belong to its row, and
    /// the remainder of a row the last page cut, if the lines above it are one.
    /// </summary>
    private int FirstRowLine(List<PdfLine> lines)
    {
        var first = lines.FindIndex(l => IsRowStart(l, knownShapesOnly: true));
        while (first > 0 && _rowThreshold > 0 &&
            lines[first].Baseline - lines[first - 1].Baseline < _rowThreshold && FitsColumns(lines[first - 1]) &&
            !PageFurniture.IsFooter(lines[first - 1].Text))
        {
            first--;
        }

        var remainder = first;
        while (remainder > 0 && first - remainder < 3 && FitsColumns(lines[remainder - 1]) &&
            !PageFurniture.IsFooter(lines[remainder - 1].Text) &&
            Math.Abs(lines[remainder - 1].FontSize - lines[first].FontSize) < 0.5 &&
            lines[remainder].Baseline - lines[remainder - 1].Baseline <= 1.3 * _rowPitch)
        {
            remainder--;
        }

        return remainder < first && IsRowRemainder(lines.GetRange(remainder, first - remainder)) ? remainder : first;
    }

    private bool FitsColumns(PdfLine line) =>
        line.Words.All(w => PdfColumnCuts.ColumnOf(_cuts, w.Left) == PdfColumnCuts.ColumnOf(_cuts, w.Right));

    private void ReadBody(List<PdfLine> lines, int start, int page, bool headerOnPage)
    {
        var end = BodyEnd(lines, start);
        if (end <= start)
        {
            return;
        }

        var body = lines.GetRange(start, end - start);
        _cuts = PdfColumnCuts.Compute(_columns, body.SelectMany(l => l.Words));

        var starts = body.Select(l => IsRowStart(l, knownShapesOnly: !headerOnPage)).ToArray();
        var pitches = new double[body.Count];
        for (var i = 1; i < body.Count; i++)
        {
            pitches[i] = body[i].Baseline - body[i - 1].Baseline;
        }

        // Consecutive rows are further apart than the lines of one row (wrapped, or centred beside a wrapped
        // cell). When the distances between lines fall into those two groups, each group of close lines is one
        // row, even where a key itself wraps; otherwise every key starts a row.
        var banded = TryRowThreshold(pitches.Skip(1), out var threshold);
        if (!banded && _banded)
        {
            // Too few lines on this page to tell; the document's layout does not change between pages.
            (banded, threshold) = (true, _rowThreshold);
        }

        _banded = banded;
        if (body.Count > 1)
        {
            _rowPitch = banded ? pitches.Skip(1).Where(p => p >= threshold).DefaultIfEmpty(_rowPitch).Max() : pitches.Max();
            _rowThreshold = banded ? threshold : _rowPitch - Math.Max(0.6, 0.06 * body[0].FontSize);
        }

        var band = new List<int>();
        for (var i = 0; i <= body.Count; i++)
        {
            if (i == body.Count || (i > 0 && pitches[i] >= _rowThreshold))
            {
                ReadBand(body, band, starts, page, banded, firstOnPage: band.Count > 0 && band[0] == 0);
                band.Clear();
            }

            if (i < body.Count)
            {
                band.Add(i);
            }
        }
    }

    /// <summary>
    /// The distance that separates rows: in the widest jump between the sorted line distances that leaves at
    /// least two distances above it (a single large gap is an outlier, not a row pitch).
    /// </summary>
    private static bool TryRowThreshold(IEnumerable<double> pitches, out double threshold)
    {
        var sorted = pitches.Order().ToArray();
        threshold = 0;
        var widest = 1.0;
        for (var i = 1; i < sorted.Length - 1; i++)
        {
            if (sorted[i] - sorted[i - 1] > widest)
            {
                widest = sorted[i] - sorted[i - 1];
                threshold = (sorted[i] + sorted[i - 1]) / 2;
            }
        }

        return threshold > 0;
    }

    private void ReadBand(List<PdfLine> body, List<int> band, bool[] starts, int page, bool banded, bool firstOnPage)
    {
        var firstStart = band.FindIndex(i => starts[i]);
        if (firstOnPage && IsRowRemainder([.. band.Select(i => body[i])]))
        {
            band.ForEach(i => AddLine(body[i]));

            return;
        }

        if (banded)
        {
            // A group without a key at the top of a page continues the row the last page ended with; further
            // down it is a row whose key is missing, which validation then reports.
            if (firstStart >= 0 || !firstOnPage)
            {
                StartRow(page);
            }

            band.ForEach(i => AddLine(body[i]));

            return;
        }

        for (var k = 0; k < band.Count; k++)
        {
            var line = band[k];
            if (k == firstStart || (k > firstStart && firstStart >= 0 && starts[line]))
            {
                StartRow(page);

                // Lines above the first row start in its band are the top half of its centred, wrapped cells.
                for (var above = 0; k == firstStart && above < firstStart; above++)
                {
                    AddLine(body[band[above]]);
                }
            }

            if (firstStart < 0 || k >= firstStart)
            {
                AddLine(body[line]);
            }
        }
    }

    /// <summary>
    /// A row cut by a page break leaves its remainder at the top of the next page: text in a few of the columns
    /// the cut row already has (the wrapped ends of its cells), where a new row fills most columns.
    /// </summary>
    private bool IsRowRemainder(List<PdfLine> lines)
    {
        if (_open is null)
        {
            return false;
        }

        var columns = lines.SelectMany(l => l.Words).Select(w => PdfColumnCuts.ColumnOf(_cuts, w.Centre))
            .Distinct().ToList();

        return columns.Count * 2 <= _columns.Count && _open.HasTextIn(columns);
    }

    private void StartRow(int page)
    {
        if (_open is not null)
        {
            // Learn what keys look like from rows already read, for pages that do not repeat the header.
            if (_open.FirstWord(_keyColumn) is { } key && _keyShapes.Count < MostKeyShapes)
            {
                _keyShapes.Add(Shape(key));
            }

            Emit(_open.Close());
        }

        _open = new PdfOpenRow(++_rows, page, _columns.Count);
    }

    private void AddLine(PdfLine line)
    {
        _linesRead++;
        if (_open is null)
        {
            return;
        }

        foreach (var word in line.Words)
        {
            _open.Add(PdfColumnCuts.ColumnOf(_cuts, word.Centre), word.Text, _linesRead);
        }
    }

    /// <summary>
    /// Queues a finished row, except the copy some producers (wkhtmltopdf) print of a row that straddles a page
    /// break: the same cells again as the first row of the next page.
    /// </summary>
    private void Emit(TableRow row)
    {
        if (_previous is not null && row.Page != _previous.Page &&
            row.Cells.SequenceEqual(_previous.Cells, EqualityComparer<object?>.Default))
        {
            return;
        }

        _previous = row;
        _ready.Enqueue(row);
    }

    /// <summary>A line starts a row when it has a key, or a number in the row-number column.</summary>
    private bool IsRowStart(PdfLine line, bool knownShapesOnly)
    {
        foreach (var word in line.Words)
        {
            var column = PdfColumnCuts.ColumnOf(_cuts, word.Centre);
            if (column == _keyColumn)
            {
                if (!knownShapesOnly || _keyShapes.Contains(Shape(word.Text)))
                {
                    return true;
                }
            }
            else if (column == _rowNumberColumn && word.Text.All(char.IsAsciiDigit))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Where the table ends on a page: at a total row, a footer, or a gap no row leaves.</summary>
    private int BodyEnd(List<PdfLine> lines, int start)
    {
        for (var i = start; i < lines.Count; i++)
        {
            var text = lines[i].Text;
            if (TotalRow.StartsWithTotalLabel(text) || PageFurniture.IsFooter(text))
            {
                return i;
            }

            var gap = i > start ? lines[i].Baseline - lines[i - 1].Baseline : 0;
            if (gap > Math.Max(3.2 * lines[i].FontSize, 1.6 * _rowPitch))
            {
                return i;
            }

            if (PageFurniture.IsPageNumber(text) && lines.Skip(i + 1).All(l =>
                PageFurniture.IsPageNumber(l.Text) || PageFurniture.IsFooter(l.Text)))
            {
                return i;
            }
        }

        return lines.Count;
    }

    /// <summary>A key's shape: runs of letters as A, runs of digits as 9, other characters as they are.</summary>
    private static string Shape(string text)
    {
        var shape = new System.Text.StringBuilder(8);
        foreach (var c in text)
        {
            var kind = char.IsLetter(c) ? 'A' : char.IsDigit(c) ? '9' : c;
            if (shape.Length == 0 || shape[^1] != kind)
            {
                shape.Append(kind);
            }
        }

        return shape.ToString();
    }
}

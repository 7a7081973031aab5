using System.Globalization;
using System.IO.Compression;
using System.Xml;
using Andalan.Functions.Exports;

namespace Andalan.Functions.Documents.Xlsx;

/// <summary>
/// Reads the first sheet of an xlsx workbook as a table, streaming its XML: the header is the first row among
/// the first rows whose labels match the export; data rows follow; blank rows and a closing total row are
/// skipped. Text cells, numbers and numbers in a date format (real Excel dates) are all understood.
/// ClosedXML loads the whole workbook as objects, which is several times too slow and too big for the
/// 100,000 rows a second this needs (notes/documents.md), and so is XmlReader, so the sheet and the shared
/// strings are read with a <see cref="PartScanner"/>.
/// </summary>
internal sealed class XlsxTableReading : TableReading
{
    private const string RelationshipsNamespace =
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private static readonly XmlReaderSettings XmlSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = false,
        CheckCharacters = false,
        XmlResolver = null,
    };

    private readonly ZipArchive _archive;
    private readonly HeaderMatcher _matcher;
    private readonly DocumentsOptions _options;
    private readonly string[] _sharedStrings;
    private readonly CellFormats _formats;
    private readonly PartScanner _sheet;
    private readonly int[] _headerColumnOfSheetColumn;
    private readonly TableHeader _header;
    private readonly long _budget;
    private int _lastRowNumber;

    public XlsxTableReading(Stream content, HeaderMatcher matcher, DocumentsOptions options)
    {
        ArgumentNullException.ThrowIfNull(content);
        _matcher = matcher;
        _options = options;
        _archive = Open(content);
        try
        {
            _budget = CheckUnpackedSize(_archive, options.MaxXlsxUncompressedBytes);
            var workbookPath = OfficeDocumentPath();
            var (sheetPath, sharedStringsPath, stylesPath) = WorkbookParts(workbookPath);
            _sharedStrings = sharedStringsPath is null ? [] : ReadSharedStrings(sharedStringsPath);
            _formats = stylesPath is null ? CellFormats.None : CellFormats.Read(OpenEntry(stylesPath));
            _sheet = OpenPart(sheetPath);
            (_header, _headerColumnOfSheetColumn) = FindHeader();
        }
        catch
        {
            _archive.Dispose();
            throw;
        }
    }

    public override ExportFormat Format => ExportFormat.Xlsx;

    public override TableHeader Header => _header;

    public override int Pages => 1;

    public override IEnumerable<TableRow> Rows(CancellationToken cancellationToken)
    {
        var cells = new List<(int Column, object? Value)>();
        while (ReadRow(cells, _headerColumnOfSheetColumn, out var rowNumber))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var row = new object?[_header.Columns.Count];
            var empty = true;
            foreach (var (column, value) in cells)
            {
                var headerColumn = column < _headerColumnOfSheetColumn.Length ? _headerColumnOfSheetColumn[column] : -1;
                if (headerColumn >= 0 && (value is not string text || text.Length > 0))
                {
                    row[headerColumn] = value;
                    empty = false;
                }
            }

            if (!empty && !IsTotal(row))
            {
                yield return new TableRow(rowNumber, null, row);
            }
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _sheet?.Dispose();
            _archive.Dispose();
        }

        base.Dispose(disposing);
    }

    private static ZipArchive Open(Stream content)
    {
        try
        {
            return new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException e)
        {
            throw new DocumentException(DocumentErrorKind.Truncated,
                "The xlsx file is cut off or damaged: its zip directory cannot be read " +
                $"({content.Length:N0} bytes). Expected a complete workbook; download it again.", e);
        }
    }

    private static long CheckUnpackedSize(ZipArchive archive, long limit)
    {
        long total = 0;
        foreach (var entry in archive.Entries)
        {
            total += entry.Length;
        }

        return total > limit
            ? throw new DocumentException(DocumentErrorKind.TooLarge,
                $"The xlsx file unpacks to {total:N0} bytes, over the limit of {limit:N0} " +
                $"({DocumentsOptions.SectionName}:MaxXlsxUncompressedBytes); it is refused unread as a possible zip bomb.")
            : total;
    }

    private BoundedReadStream OpenEntry(string path)
    {
        var entry = _archive.GetEntry(path) ?? _archive.Entries.FirstOrDefault(e =>
            string.Equals(e.FullName, path, StringComparison.OrdinalIgnoreCase))
            ?? throw new DocumentException(DocumentErrorKind.Corrupt,
                $"The xlsx file has no part '{path}' although the workbook refers to it.");
        try
        {
            // The budget is what the whole workbook may unpack to; each part reads from what is left of it.
            return new BoundedReadStream(entry.Open(), _budget, read => new DocumentException(
                DocumentErrorKind.TooLarge,
                $"The xlsx part '{path}' unpacks to more than its zip directory says ({read:N0} bytes and on); " +
                "it is refused as a possible zip bomb."));
        }
        catch (InvalidDataException e)
        {
            throw new DocumentException(DocumentErrorKind.Corrupt, $"The xlsx part '{path}' cannot be unpacked.", e);
        }
    }

    private PartScanner OpenPart(string path) => PartScanner.Open(() => OpenEntry(path), path);

    private string OfficeDocumentPath()
    {
        if (_archive.GetEntry("_rels/.rels") is null)
        {
            return _archive.GetEntry("xl/workbook.xml") is not null
                ? "xl/workbook.xml"
                : throw new DocumentException(DocumentErrorKind.NotATable,
                    "The file is a zip archive but not an xlsx workbook (it has no xl/workbook.xml).");
        }

        var target = Relationships("_rels/.rels", "").FirstOrDefault(r => r.Type.EndsWith("/officeDocument",
            StringComparison.Ordinal)).Target;

        return target ?? "xl/workbook.xml";
    }

    private (string Sheet, string? SharedStrings, string? Styles) WorkbookParts(string workbookPath)
    {
        var folder = workbookPath.Contains('/', StringComparison.Ordinal) ? workbookPath[..workbookPath.LastIndexOf('/')] : "";
        var relationshipsPath = (folder.Length > 0 ? folder + "/" : "") + "_rels/" +
            workbookPath[(workbookPath.LastIndexOf('/') + 1)..] + ".rels";
        var relationships = Relationships(relationshipsPath, folder);

        string? sheetId = null;
        using (var workbook = XmlReader.Create(OpenEntry(workbookPath), XmlSettings))
        {
            while (workbook.Read())
            {
                if (workbook.NodeType == XmlNodeType.Element && workbook.LocalName == "sheet")
                {
                    var visible = workbook.GetAttribute("state") is null or "visible";
                    var id = workbook.GetAttribute("id", RelationshipsNamespace);
                    sheetId ??= id;
                    if (visible)
                    {
                        sheetId = id;
                        break;
                    }
                }
            }
        }

        var sheet = relationships.FirstOrDefault(r => r.Id == sheetId).Target
            ?? throw new DocumentException(DocumentErrorKind.Empty, "The xlsx workbook has no worksheet.");
        var sharedStrings = relationships.FirstOrDefault(r => r.Type.EndsWith("/sharedStrings", StringComparison.Ordinal)).Target;
        var styles = relationships.FirstOrDefault(r => r.Type.EndsWith("/styles", StringComparison.Ordinal)).Target;

        return (sheet, sharedStrings, styles);
    }

    private List<(string Id, string Type, string Target)> Relationships(string path, string folder)
    {
        var relationships = new List<(string, string, string)>();
        if (_archive.GetEntry(path) is null)
        {
            return relationships;
        }

        using var reader = XmlReader.Create(OpenEntry(path), XmlSettings);
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Relationship")
            {
                var target = reader.GetAttribute("Target") ?? string.Empty;
                target = target.StartsWith('/') ? target[1..] : (folder.Length > 0 ? folder + "/" + target : target);
                relationships.Add((reader.GetAttribute("Id") ?? "", reader.GetAttribute("Type") ?? "", target));
            }
        }

        return relationships;
    }

    private string[] ReadSharedStrings(string path)
    {
        var strings = new List<string>();
        using var part = OpenPart(path);
        while (part.Read())
        {
            if (part.IsElement("si"u8))
            {
                strings.Add(ReadRichText(part));
            }
        }

        return [.. strings];
    }

    /// <summary>
    /// The text of an si or is element: its t, or the t of each run, without phonetic hints. Leaves the scanner
    /// on the element's end.
    /// </summary>
    private static string ReadRichText(PartScanner part)
    {
        if (part.IsEmptyElement)
        {
            return string.Empty;
        }

        var depth = part.Depth;
        string? single = null;
        System.Text.StringBuilder? runs = null;
        while (part.Read())
        {
            if (part.Node == PartNode.EndElement && part.Depth == depth)
            {
                break;
            }

            if (part.IsElement("rPh"u8))
            {
                part.SkipElement();
            }
            else if (part.IsElement("t"u8))
            {
                var text = part.ReadElementText().ToString();
                if (single is null)
                {
                    single = text;
                }
                else
                {
                    runs ??= new System.Text.StringBuilder(single);
                    runs.Append(text);
                }
            }
        }

        return runs?.ToString() ?? single ?? string.Empty;
    }

    private (TableHeader Header, int[] HeaderColumnOfSheetColumn) FindHeader()
    {
        var cells = new List<(int Column, object? Value)>();
        var searched = 0;
        var found = new List<string>();
        TableHeader? best = null;
        while (searched < _options.HeaderSearchRows && ReadRow(cells, null, out var rowNumber))
        {
            var labelled = cells.Where(c => CellText(c.Value).Length > 0).ToList();
            if (labelled.Count == 0)
            {
                continue;
            }

            searched++;
            var labels = labelled.Select(c => CellText(c.Value)).ToList();
            var header = _matcher.Match(labels);
            if (_matcher.IsHeader(header))
            {
                var map = Enumerable.Repeat(-1, labelled.Max(c => c.Column) + 1).ToArray();
                for (var i = 0; i < labelled.Count; i++)
                {
                    map[labelled[i].Column] = i;
                }

                return (header, map);
            }

            if (best is null || header.MatchedFields > best.MatchedFields)
            {
                best = header;
            }

            if (found.Count < 3)
            {
                found.Add($"row {rowNumber}: {string.Join(" | ", labels.Take(12))}");
            }
        }

        throw searched == 0
            ? new DocumentException(DocumentErrorKind.Empty, "The xlsx sheet has no cells with text: expected a table.")
            : new DocumentException(DocumentErrorKind.HeaderNotFound,
                $"No header row with the labels of export '{_matcher.Export.Name}' in the first {searched} rows " +
                $"of the sheet. Expected the labels {_matcher.ExpectedLabels}; found instead: " +
                string.Join("; ", found) +
                (best is { MatchedFields: > 0 } ? $" (the closest row matched {best.MatchedFields} labels)." : "."));
    }

    private static string CellText(object? value) => Records.CellValue.Text(value);

    private bool IsTotal(object?[] row)
    {
        var first = Array.Find(row, v => v is not null);
        var keyColumn = _header.ColumnOf(_matcher.KeyIndex);
        var key = keyColumn >= 0 ? row[keyColumn] : null;

        return first is string label && TotalRow.StartsWithTotalLabel(label) &&
            (key is null || ReferenceEquals(key, first));
    }

    /// <summary>
    /// Reads the next row element's cells; false at the end of the sheet data. Given the header's column of each
    /// sheet column, the cells of columns outside the header are passed over unread.
    /// </summary>
    private bool ReadRow(List<(int Column, object? Value)> cells, int[]? headerColumnOfSheetColumn, out int rowNumber)
    {
        cells.Clear();
        rowNumber = 0;
        var part = _sheet;
        while (part.Read())
        {
            if (part.IsEndOf("sheetData"u8))
            {
                return false;
            }

            if (!part.IsElement("row"u8))
            {
                continue;
            }

            rowNumber = part.TryGetAttribute("r"u8, out var r) && r.TryParseIndex(out var number)
                ? number
                : _lastRowNumber + 1;
            _lastRowNumber = rowNumber;
            if (!part.IsEmptyElement)
            {
                ReadCells(part, cells, headerColumnOfSheetColumn);
            }

            return true;
        }

        return false;
    }

    private void ReadCells(PartScanner part, List<(int Column, object? Value)> cells, int[]? headerColumnOfSheetColumn)
    {
        var depth = part.Depth;
        var column = -1;
        while (part.Read())
        {
            if (part.Node == PartNode.EndElement && part.Depth == depth)
            {
                return;
            }

            if (!part.IsElement("c"u8))
            {
                continue;
            }

            column = part.TryGetAttribute("r"u8, out var reference) ? reference.ColumnIndex() : column + 1;
            if (part.IsEmptyElement)
            {
                continue;
            }

            if (headerColumnOfSheetColumn is not null &&
                ((uint)column >= (uint)headerColumnOfSheetColumn.Length || headerColumnOfSheetColumn[column] < 0))
            {
                part.SkipElement();
                continue;
            }

            var value = ReadCellValue(part);
            if (value is not null)
            {
                cells.Add((column, value));
            }
        }
    }

    /// <summary>Reads a c element's value; leaves the scanner on the element's end.</summary>
    private object? ReadCellValue(PartScanner part)
    {
        var type = CellTypeOf(part);
        var style = part.TryGetAttribute("s"u8, out var s) && s.TryParseIndex(out var index) ? index : -1;
        var depth = part.Depth;
        object? value = null;
        string? inline = null;
        while (part.Read())
        {
            if (part.Node == PartNode.EndElement && part.Depth == depth)
            {
                break;
            }

            if (part.IsElement("v"u8))
            {
                value = CellValueOf(part.ReadElementText(), type, style);
            }
            else if (part.IsElement("is"u8))
            {
                inline = ReadRichText(part);
            }
            else
            {
                part.SkipElement();
            }
        }

        return type == CellType.InlineString ? inline ?? value : value;
    }

    private static CellType CellTypeOf(PartScanner part)
    {
        if (!part.TryGetAttribute("t"u8, out var type))
        {
            return CellType.Number;
        }

        return type.Is("s"u8) ? CellType.SharedString
            : type.Is("inlineStr"u8) ? CellType.InlineString
            : type.Is("str"u8) || type.Is("e"u8) ? CellType.Text
            : type.Is("b"u8) ? CellType.Boolean
            : type.Is("d"u8) ? CellType.Date
            : CellType.Number;
    }

    /// <summary>A v element's text as the cell's value: text, a number, or a date (a number in a date style).</summary>
    private object? CellValueOf(PartText raw, CellType type, int style)
    {
        switch (type)
        {
            case CellType.SharedString:
                return raw.TryParseIndex(out var index) && index < _sharedStrings.Length ? _sharedStrings[index] : null;
            case CellType.InlineString or CellType.Text:
                return raw.ToString();
            case CellType.Boolean:
                return raw.Is("1"u8) ? "TRUE" : "FALSE";
            case CellType.Date:
                var text = raw.ToString();

                var styles = DateTimeStyles.AllowWhiteSpaces;

                return DateTime.TryParse(text, CultureInfo.InvariantCulture, styles, out var date) ? date : text;
            default:
                if (!raw.TryParseNumber(out var number))
                {
                    return raw.ToString();
                }

                return _formats.IsDate(style) && number is >= 0 and < 2_958_466 ? DateTime.FromOADate(number) : number;
        }
    }
}

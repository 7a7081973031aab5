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
/// 100,000 rows a second this needs (notes/documents.md), so the sheet is read with an XmlReader.
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
    private readonly XmlReader _sheet;
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
            _sheet = XmlReader.Create(OpenEntry(sheetPath), XmlSettings);
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
        while (ReadRow(cells, out var rowNumber))
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
        using var reader = XmlReader.Create(OpenEntry(path), XmlSettings);
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "si")
            {
                strings.Add(ReadRichText(reader));
            }
        }

        return [.. strings];
    }

    /// <summary>
    /// The text of an si or is element: its t, or the t of each run, without phonetic hints. Leaves the reader
    /// on the element's end.
    /// </summary>
    private static string ReadRichText(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            return string.Empty;
        }

        var depth = reader.Depth;
        string? single = null;
        System.Text.StringBuilder? runs = null;
        reader.Read();
        while (reader.Depth > depth)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "rPh")
            {
                reader.Skip();
                continue;
            }

            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "t")
            {
                var text = reader.ReadElementContentAsString();
                if (single is null)
                {
                    single = text;
                }
                else
                {
                    runs ??= new System.Text.StringBuilder(single);
                    runs.Append(text);
                }

                continue;
            }

            if (!reader.Read())
            {
                break;
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
        while (searched < _options.HeaderSearchRows && ReadRow(cells, out var rowNumber))
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

    /// <summary>Reads the next row element's cells; false at the end of the sheet data.</summary>
    private bool ReadRow(List<(int Column, object? Value)> cells, out int rowNumber)
    {
        cells.Clear();
        rowNumber = 0;
        var reader = _sheet;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "sheetData")
            {
                return false;
            }

            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "row")
            {
                continue;
            }

            rowNumber = int.TryParse(reader.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture,
                out var r) ? r : _lastRowNumber + 1;
            _lastRowNumber = rowNumber;
            if (reader.IsEmptyElement)
            {
                return true;
            }

            ReadCells(reader, cells);

            return true;
        }

        return false;
    }

    private void ReadCells(XmlReader reader, List<(int Column, object? Value)> cells)
    {
        var depth = reader.Depth;
        var column = -1;
        reader.Read();
        while (reader.Depth > depth)
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "c")
            {
                if (!reader.Read())
                {
                    break;
                }

                continue;
            }

            var reference = reader.GetAttribute("r");
            column = reference is null ? column + 1 : ColumnIndex(reference);
            if (!reader.IsEmptyElement)
            {
                var value = ReadCellValue(reader, reader.GetAttribute("t"), reader.GetAttribute("s"));
                if (value is not null)
                {
                    cells.Add((column, value));
                }
            }

            reader.Read();
        }
    }

    /// <summary>Reads a c element's value; leaves the reader on the element's end.</summary>
    private object? ReadCellValue(XmlReader reader, string? type, string? style)
    {
        var depth = reader.Depth;
        string? raw = null;
        string? inline = null;
        reader.Read();
        while (reader.Depth > depth)
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                switch (reader.LocalName)
                {
                    case "v":
                        raw = reader.ReadElementContentAsString();
                        break;
                    case "is":
                        inline = ReadRichText(reader);
                        reader.Read();
                        break;
                    default:
                        reader.Skip();
                        break;
                }

                continue;
            }

            if (!reader.Read())
            {
                break;
            }
        }

        return type switch
        {
            "inlineStr" => inline ?? raw,
            "s" => int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index) &&
                index < _sharedStrings.Length ? _sharedStrings[index] : null,
            "str" or "e" => raw,
            "b" => raw is null ? null : raw == "1" ? "TRUE" : "FALSE",
            "d" => raw is null ? null : DateTime.TryParse(raw, CultureInfo.InvariantCulture,
                DateTimeStyles.AllowWhiteSpaces, out var date) ? date : raw,
            _ => Number(raw, style),
        };
    }

    private object? Number(string? raw, string? style)
    {
        if (raw is null || !double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return raw;
        }

        var styleIndex = style is null ? -1 : int.Parse(style, NumberStyles.None, CultureInfo.InvariantCulture);

        return _formats.IsDate(styleIndex) && number is >= 0 and < 2_958_466 ? DateTime.FromOADate(number) : number;
    }

    private static int ColumnIndex(string reference)
    {
        var column = 0;
        foreach (var c in reference)
        {
            if (c is >= 'A' and <= 'Z')
            {
                column = (column * 26) + (c - 'A' + 1);
            }
            else if (c is >= 'a' and <= 'z')
            {
                column = (column * 26) + (c - 'a' + 1);
            }
            else
            {
                break;
            }
        }

        return column - 1;
    }
}

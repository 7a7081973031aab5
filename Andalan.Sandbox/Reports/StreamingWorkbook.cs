using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;

namespace Andalan.Sandbox.Reports;

/// <summary>
/// Writes a one-sheet xlsx row by row, straight into the zip: SpreadsheetML parts, one shared style sheet and
/// inline strings, so a 200,000-row workbook never sits in memory as a cell model. A different producer from
/// ClosedXML on purpose: the app reads with ClosedXML, and a file written by it would hide what it tolerates.
/// The sheet's XML is written as text (an XmlWriter per cell costs twice the time at that size).
/// </summary>
internal sealed class StreamingWorkbook : IDisposable
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";

    /// <summary>Excel's serial day numbers count from here (the 1900 leap year bug included).</summary>
    private static readonly DateTime SerialEpoch = new(1899, 12, 30, 0, 0, 0, DateTimeKind.Unspecified);

    private readonly ZipArchive _zip;
    private readonly DateTimeOffset _modified;
    private readonly string[] _columns;
    private readonly char[] _number = new char[32];
    private StreamWriter? _sheet;
    private int _row;

    /// <param name="modified">Stamped on every zip entry, so the same rows give the same bytes.</param>
    public StreamingWorkbook(
        Stream output, string sheetName, IReadOnlyList<double> columnWidths, int frozenRows, DateTime modified)
    {
        ArgumentNullException.ThrowIfNull(columnWidths);
        _modified = new DateTimeOffset(modified, TimeSpan.Zero);
        _zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        _columns = [.. Enumerable.Range(0, columnWidths.Count).Select(ColumnName)];
        WriteFixedParts(sheetName);
        BeginSheet(columnWidths, frozenRows);
    }

    /// <summary>The number of the row being written, 1-based.</summary>
    public int Row => _row;

    public static string ColumnName(int index) =>
        index < 26 ? ((char)('A' + index)).ToString() : ColumnName((index / 26) - 1) + (char)('A' + (index % 26));

    public void BeginRow(int row)
    {
        if (_row > 0)
        {
            Sheet.Write("</row>");
        }

        _row = row;
        Sheet.Write("<row r=\"");
        WriteNumber(row);
        Sheet.Write("\">");
    }

    /// <summary>A text cell; nothing at all for empty text, as a spreadsheet leaves an empty cell out.</summary>
    public void Text(int column, string? text, CellStyle style)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        BeginCell(column, style, "inlineStr");
        var padded = char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]);
        Sheet.Write(padded ? "<is><t xml:space=\"preserve\">" : "<is><t>");
        WriteEscaped(text);
        Sheet.Write("</t></is></c>");
    }

    public void Number(int column, double value, CellStyle style)
    {
        BeginCell(column, style, type: null);
        Sheet.Write("<v>");
        WriteNumber(value);
        Sheet.Write("</v></c>");
    }

    /// <summary>A real Excel date: the serial day number, shown through the style's date format.</summary>
    public void Date(int column, DateTime value, CellStyle style) =>
        Number(column, (value - SerialEpoch).TotalDays, style);

    /// <summary>A formula with the value it had when written, as Excel saves it.</summary>
    public void Formula(int column, string formula, double cachedValue, CellStyle style)
    {
        BeginCell(column, style, type: null);
        Sheet.Write("<f>");
        WriteEscaped(formula);
        Sheet.Write("</f><v>");
        WriteNumber(cachedValue);
        Sheet.Write("</v></c>");
    }

    /// <summary>Closes the sheet with its merged ranges (for example <c>A1:J1</c>) and the package.</summary>
    public void Finish(IReadOnlyList<string> mergedRanges)
    {
        ArgumentNullException.ThrowIfNull(mergedRanges);
        Sheet.Write(_row > 0 ? "</row></sheetData>" : "</sheetData>");
        if (mergedRanges.Count > 0)
        {
            Sheet.Write($"<mergeCells count=\"{mergedRanges.Count.ToString(CultureInfo.InvariantCulture)}\">");
            foreach (var range in mergedRanges)
            {
                Sheet.Write($"<mergeCell ref=\"{SecurityElement.Escape(range)}\"/>");
            }

            Sheet.Write("</mergeCells>");
        }

        Sheet.Write("<pageMargins left=\"0.5\" right=\"0.5\" top=\"0.75\" bottom=\"0.75\"");
        Sheet.Write(" header=\"0.3\" footer=\"0.3\"/>");
        Sheet.Write("</worksheet>");
        Sheet.Dispose();
        _sheet = null;
        _zip.Dispose();
    }

    public void Dispose()
    {
        _sheet?.Dispose();
        _zip.Dispose();
    }

    private StreamWriter Sheet => _sheet ?? throw new InvalidOperationException("The sheet is already finished.");

    private void BeginCell(int column, CellStyle style, string? type)
    {
        Sheet.Write("<c r=\"");
        Sheet.Write(_columns[column]);
        WriteNumber(_row);
        if (style != CellStyle.Default)
        {
            Sheet.Write("\" s=\"");
            WriteNumber((int)style);
        }

        if (type is not null)
        {
            Sheet.Write("\" t=\"");
            Sheet.Write(type);
        }

        Sheet.Write("\">");
    }

    private void WriteNumber(int value)
    {
        _ = value.TryFormat(_number, out var length, provider: CultureInfo.InvariantCulture);
        Sheet.Write(_number.AsSpan(0, length));
    }

    private void WriteNumber(double value)
    {
        if (!value.TryFormat(_number, out var length, "R", CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException($"A cell value does not fit the number buffer: {value}.");
        }

        Sheet.Write(_number.AsSpan(0, length));
    }

    /// <summary>Text with the characters XML reserves escaped; characters XML 1.0 forbids are dropped.</summary>
    private void WriteEscaped(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var replacement = c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                < ' ' when c is not ('\t' or '\n' or '\r') => string.Empty,
                _ => null,
            };
            if (replacement is null)
            {
                continue;
            }

            Sheet.Write(text.AsSpan(start, i - start));
            Sheet.Write(replacement);
            start = i + 1;
        }

        Sheet.Write(text.AsSpan(start));
    }

    private void BeginSheet(IReadOnlyList<double> columnWidths, int frozenRows)
    {
        _sheet = new StreamWriter(Entry("xl/worksheets/sheet1.xml").Open(), new UTF8Encoding(false), 1 << 16);
        _sheet.Write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n");
        _sheet.Write($"<worksheet xmlns=\"{Main}\" xmlns:r=\"{Relationships}\">");
        _sheet.Write("<sheetViews><sheetView workbookViewId=\"0\">");
        if (frozenRows > 0)
        {
            var rows = frozenRows.ToString(CultureInfo.InvariantCulture);
            var below = (frozenRows + 1).ToString(CultureInfo.InvariantCulture);
            _sheet.Write($"<pane ySplit=\"{rows}\" topLeftCell=\"A{below}\"");
            _sheet.Write(" activePane=\"bottomLeft\" state=\"frozen\"/>");
        }

        _sheet.Write("</sheetView></sheetViews><cols>");
        for (var i = 0; i < columnWidths.Count; i++)
        {
            var number = (i + 1).ToString(CultureInfo.InvariantCulture);
            var width = columnWidths[i].ToString(CultureInfo.InvariantCulture);
            _sheet.Write($"<col min=\"{number}\" max=\"{number}\" width=\"{width}\" customWidth=\"1\"/>");
        }

        _sheet.Write("</cols><sheetData>");
    }

    private void WriteFixedParts(string sheetName)
    {
        WritePart("[Content_Types].xml", """
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
            <Default Extension="xml" ContentType="application/xml"/>
            <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
            <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
            <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
            </Types>
            """);
        WritePart("_rels/.rels", $"""
            <Relationships xmlns="{PackageRelationships}">
            <Relationship Id="rId1" Type="{Relationships}/officeDocument" Target="xl/workbook.xml"/>
            </Relationships>
            """);
        WritePart("xl/workbook.xml", $"""
            <workbook xmlns="{Main}" xmlns:r="{Relationships}">
            <sheets><sheet name="{System.Security.SecurityElement.Escape(sheetName)}" sheetId="1" r:id="rId1"/></sheets>
            </workbook>
            """);
        WritePart("xl/_rels/workbook.xml.rels", $"""
            <Relationships xmlns="{PackageRelationships}">
            <Relationship Id="rId1" Type="{Relationships}/worksheet" Target="worksheets/sheet1.xml"/>
            <Relationship Id="rId2" Type="{Relationships}/styles" Target="styles.xml"/>
            </Relationships>
            """);

        // The order of cellXfs is CellStyle's order.
        WritePart("xl/styles.xml", $"""
            <styleSheet xmlns="{Main}">
            <numFmts count="2">
            <numFmt numFmtId="164" formatCode="dd/mm/yyyy hh:mm"/>
            <numFmt numFmtId="165" formatCode="&quot;Rp &quot;#,##0"/>
            </numFmts>
            <fonts count="3">
            <font><sz val="11"/><name val="Calibri"/><family val="2"/></font>
            <font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>
            <font><b/><sz val="14"/><name val="Calibri"/><family val="2"/></font>
            </fonts>
            <fills count="3">
            <fill><patternFill patternType="none"/></fill>
            <fill><patternFill patternType="gray125"/></fill>
            <fill><patternFill patternType="solid"><fgColor rgb="FFD9E1F2"/><bgColor indexed="64"/></patternFill></fill>
            </fills>
            <borders count="2">
            <border><left/><right/><top/><bottom/><diagonal/></border>
            <border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/></border>
            </borders>
            <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
            <cellXfs count="11">
            <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
            <xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"
                applyAlignment="1"><alignment horizontal="center"/></xf>
            <xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1"
                applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>
            <xf numFmtId="164" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1"/>
            <xf numFmtId="165" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1"/>
            <xf numFmtId="3" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1"/>
            <xf numFmtId="49" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1"/>
            <xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1"/>
            <xf numFmtId="0" fontId="1" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1"
                applyAlignment="1"><alignment horizontal="right"/></xf>
            <xf numFmtId="165" fontId="1" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyFont="1" applyBorder="1"/>
            <xf numFmtId="3" fontId="1" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyFont="1" applyBorder="1"/>
            </cellXfs>
            <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
            </styleSheet>
            """);
    }

    private ZipArchiveEntry Entry(string name)
    {
        var entry = _zip.CreateEntry(name, CompressionLevel.Fastest);
        entry.LastWriteTime = _modified;

        return entry;
    }

    private void WritePart(string name, string xml)
    {
        using var writer = new StreamWriter(Entry(name).Open(), new UTF8Encoding(false));
        writer.Write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n");
        writer.Write(xml);
    }
}

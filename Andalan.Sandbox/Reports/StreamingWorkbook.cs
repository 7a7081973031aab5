using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Andalan.Sandbox.Reports;

/// <summary>
/// Writes a one-sheet xlsx row by row, straight into the zip: SpreadsheetML parts, one shared style sheet and
/// inline strings, so a 200,000-row workbook never sits in memory as a cell model. A different producer from
/// ClosedXML on purpose: the app reads with ClosedXML, and a file written by it would hide what it tolerates.
/// </summary>
internal sealed class StreamingWorkbook : IDisposable
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";

    /// <summary>Excel's serial day numbers count from here (the 1900 leap year bug included).</summary>
    private static readonly DateTime SerialEpoch = new(1899, 12, 30, 0, 0, 0, DateTimeKind.Unspecified);

    private static readonly XmlWriterSettings PartSettings =
        new() { Encoding = new UTF8Encoding(false), CloseOutput = true };

    private readonly ZipArchive _zip;
    private readonly DateTimeOffset _modified;
    private readonly string[] _columns;
    private XmlWriter? _sheet;
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
            Sheet.WriteEndElement();
        }

        _row = row;
        Sheet.WriteStartElement("row", Main);
        Sheet.WriteAttributeString("r", row.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>A text cell; nothing at all for empty text, as a spreadsheet leaves an empty cell out.</summary>
    public void Text(int column, string? text, CellStyle style)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        BeginCell(column, style);
        Sheet.WriteAttributeString("t", "inlineStr");
        Sheet.WriteStartElement("is", Main);
        Sheet.WriteStartElement("t", Main);
        if (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]))
        {
            Sheet.WriteAttributeString("xml", "space", null, "preserve");
        }

        Sheet.WriteString(text);
        Sheet.WriteEndElement();
        Sheet.WriteEndElement();
        Sheet.WriteEndElement();
    }

    public void Number(int column, double value, CellStyle style)
    {
        BeginCell(column, style);
        Sheet.WriteStartElement("v", Main);
        Sheet.WriteValue(value);
        Sheet.WriteEndElement();
        Sheet.WriteEndElement();
    }

    /// <summary>A real Excel date: the serial day number, shown through the style's date format.</summary>
    public void Date(int column, DateTime value, CellStyle style) =>
        Number(column, (value - SerialEpoch).TotalDays, style);

    /// <summary>A formula with the value it had when written, as Excel saves it.</summary>
    public void Formula(int column, string formula, double cachedValue, CellStyle style)
    {
        BeginCell(column, style);
        Sheet.WriteElementString("f", Main, formula);
        Sheet.WriteStartElement("v", Main);
        Sheet.WriteValue(cachedValue);
        Sheet.WriteEndElement();
        Sheet.WriteEndElement();
    }

    /// <summary>Closes the sheet with its merged ranges (for example <c>A1:J1</c>) and the package.</summary>
    public void Finish(IReadOnlyList<string> mergedRanges)
    {
        ArgumentNullException.ThrowIfNull(mergedRanges);
        if (_row > 0)
        {
            Sheet.WriteEndElement();
        }

        Sheet.WriteEndElement();
        if (mergedRanges.Count > 0)
        {
            Sheet.WriteStartElement("mergeCells", Main);
            Sheet.WriteAttributeString("count", mergedRanges.Count.ToString(CultureInfo.InvariantCulture));
            foreach (var range in mergedRanges)
            {
                Sheet.WriteStartElement("mergeCell", Main);
                Sheet.WriteAttributeString("ref", range);
                Sheet.WriteEndElement();
            }

            Sheet.WriteEndElement();
        }

        Sheet.WriteStartElement("pageMargins", Main);
        string[][] margins = [["left", "0.5"], ["right", "0.5"], ["top", "0.75"], ["bottom", "0.75"], ["header", "0.3"],
            ["footer", "0.3"]];
        foreach (var (side, inches) in margins.Select(m => (m[0], m[1])))
        {
            Sheet.WriteAttributeString(side, inches);
        }

        Sheet.WriteEndElement();
        Sheet.WriteEndElement();
        Sheet.Dispose();
        _sheet = null;
        _zip.Dispose();
    }

    public void Dispose()
    {
        _sheet?.Dispose();
        _zip.Dispose();
    }

    private XmlWriter Sheet => _sheet ?? throw new InvalidOperationException("The sheet is already finished.");

    private void BeginCell(int column, CellStyle style)
    {
        Sheet.WriteStartElement("c", Main);
        Sheet.WriteAttributeString("r", _columns[column] + _row.ToString(CultureInfo.InvariantCulture));
        if (style != CellStyle.Default)
        {
            Sheet.WriteAttributeString("s", ((int)style).ToString(CultureInfo.InvariantCulture));
        }
    }

    private void BeginSheet(IReadOnlyList<double> columnWidths, int frozenRows)
    {
        _sheet = XmlWriter.Create(Entry("xl/worksheets/sheet1.xml").Open(), PartSettings);
        _sheet.WriteStartDocument(standalone: true);
        _sheet.WriteStartElement("worksheet", Main);
        _sheet.WriteAttributeString("xmlns", "r", null, Relationships);
        _sheet.WriteStartElement("sheetViews", Main);
        _sheet.WriteStartElement("sheetView", Main);
        _sheet.WriteAttributeString("workbookViewId", "0");
        if (frozenRows > 0)
        {
            _sheet.WriteStartElement("pane", Main);
            _sheet.WriteAttributeString("ySplit", frozenRows.ToString(CultureInfo.InvariantCulture));
            _sheet.WriteAttributeString("topLeftCell", "A" + (frozenRows + 1).ToString(CultureInfo.InvariantCulture));
            _sheet.WriteAttributeString("activePane", "bottomLeft");
            _sheet.WriteAttributeString("state", "frozen");
            _sheet.WriteEndElement();
        }

        _sheet.WriteEndElement();
        _sheet.WriteEndElement();
        _sheet.WriteStartElement("cols", Main);
        for (var i = 0; i < columnWidths.Count; i++)
        {
            var number = (i + 1).ToString(CultureInfo.InvariantCulture);
            _sheet.WriteStartElement("col", Main);
            _sheet.WriteAttributeString("min", number);
            _sheet.WriteAttributeString("max", number);
            _sheet.WriteAttributeString("width", columnWidths[i].ToString(CultureInfo.InvariantCulture));
            _sheet.WriteAttributeString("customWidth", "1");
            _sheet.WriteEndElement();
        }

        _sheet.WriteEndElement();
        _sheet.WriteStartElement("sheetData", Main);
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

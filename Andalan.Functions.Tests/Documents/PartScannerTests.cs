using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using Andalan.Functions.Documents.Xlsx;

namespace Andalan.Functions.Tests.Documents;

/// <summary>
/// The byte-level reader of sheets and shared strings, against XmlReader on the same XML: the same elements at
/// the same depths, the same attributes and the same text, however the bytes arrive.
/// </summary>
public sealed class PartScannerTests
{
    private const string Awkward =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n" +
        "<!-- written by hand -->\r\n" +
        "<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">\r\n" +
        "  <x:sheetData>\r\n" +
        "    <x:row r = '1' spans=\"1:3\">\r\n" +
        "      <x:c r=\"A1\" t=\"inlineStr\"><x:is><x:t xml:space=\"preserve\">" +
        "  A &amp; B &lt;C&gt; &#233;&#x1F600;</x:t></x:is></x:c>\r\n" +
        "      <x:c r=\"B1\" t=\"str\"><x:f>A1&amp;\"!\"</x:f><x:v><![CDATA[x < y]]> &quot;z&apos;</x:v></x:c>\r\n" +
        "      <x:c r='C1' s=\"3\" ><x:v>1250000</x:v></x:c>\r\n" +
        "      <x:c r=\"D1\"/>\r\n" +
        "    </x:row>\r\n" +
        "    <x:row r=\"2\"><x:c r=\"A2\" t=\"s\"><x:v>0</x:v></x:c><x:c><x:v>2.5E3</x:v></x:c>" +
        "<x:c r=\"C2\" t=\"inlineStr\"><x:is><x:r><x:t>Siti</x:t></x:r><x:rPh><x:t>ignored</x:t></x:rPh>" +
        "<x:r><x:t xml:space=\"preserve\">\r\n Rahayu</x:t></x:r></x:is></x:c></x:row>\r\n" +
        "    <x:row r=\"3\"/>\r\n" +
        "    <?custom instruction?>\r\n" +
        "  </x:sheetData>\r\n" +
        "</x:worksheet>\r\n";

    private static readonly string[] Labels =
    [
        "No. Invoice", "Tanggal", "Nama Member", "No. HP", "Cabang", "Total Belanja", "Poin", "Metode Pembayaran",
        "Status",
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(1 << 16)]
    public void Read_AwkwardButValidXml_SeesWhatXmlReaderSees(int bytesPerRead)
    {
        var xml = Encoding.UTF8.GetBytes(Awkward);

        var scanned = ScannerEvents(xml, bytesPerRead);

        Assert.Equal(XmlReaderEvents(xml), scanned);
        Assert.Contains("text:  A & B <C> \u00e9\U0001F600", scanned);
    }

    [Fact]
    public void Read_SheetLargerThanTheBuffer_SeesWhatXmlReaderSees()
    {
        var sheet = new StringBuilder("<worksheet><sheetData>");
        for (var r = 1; r <= 3000; r++)
        {
            var serial = (45900 + (r / 1440.0)).ToString(CultureInfo.InvariantCulture);
            sheet.Append(CultureInfo.InvariantCulture, $"<row r=\"{r}\"><c r=\"A{r}\" t=\"inlineStr\"><is><t>")
                .Append(CultureInfo.InvariantCulture, $"INV/2025/09/{r:D7} &amp; ").Append('x', r % 97)
                .Append(CultureInfo.InvariantCulture, $"</t></is></c><c r=\"B{r}\" s=\"2\"><v>{serial}</v></c></row>");
        }

        var xml = Encoding.UTF8.GetBytes(sheet.Append("</sheetData></worksheet>").ToString());

        Assert.Equal(XmlReaderEvents(xml), ScannerEvents(xml, 4093));
    }

    [Theory]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    [InlineData("iso-8859-1")]
    public void Open_PartInAnotherEncoding_ReadsItsText(string encodingName)
    {
        var encoding = Encoding.GetEncoding(encodingName);
        var xml = encoding.GetPreamble().Concat(encoding.GetBytes(
            $"<?xml version=\"1.0\" encoding=\"{encodingName}\"?><sst><si><t>Caf\u00e9 Dago</t></si></sst>")).ToArray();

        var scanned = ScannerEvents(xml, 5);

        Assert.Equal(XmlReaderEvents(xml), scanned);
        Assert.Contains("text:Caf\u00e9 Dago", scanned);
    }

    [Theory]
    [InlineData("<!DOCTYPE sst [<!ENTITY a \"aaaa\">]><sst><si><t>&a;</t></si></sst>", "DTD")]
    [InlineData("<sst><si><t>&nbsp;</t></si></sst>", "&nbsp;")]
    [InlineData("<sst><si><t>cut off", "ends inside")]
    [InlineData("<sst><si><t>a<b/>c</t></si></sst>", "only text")]
    [InlineData("<sst></si></sst></sst>", "closes no element")]
    public void Read_MalformedOrDangerousXml_FailsLikeXmlReader(string xml, string said)
    {
        var bytes = Encoding.UTF8.GetBytes(xml);

        var error = Assert.Throws<XmlException>(() => ScannerEvents(bytes, 1 << 16));

        Assert.Contains(said, error.Message, StringComparison.Ordinal);
        Assert.ThrowsAny<XmlException>(() => XmlReaderEvents(bytes));
    }

    [Fact]
    public void Read_PrefixedWorkbookInUtf16_GivesTheSameRecordsAsPlainUtf8()
    {
        var sheet =
            "<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><x:sheetData>" +
            "<x:row r=\"1\">" + string.Concat(Labels.Select((label, i) => InlineCell(i, 1, label))) + "</x:row>" +
            "<x:row r=\"2\">" + InlineCell(0, 2, "INV/2025/09/0000001") + InlineCell(1, 2, "14/09/2025 08:15") +
            InlineCell(2, 2, "Budi &amp; Siti") + InlineCell(3, 2, "0812345678") + InlineCell(4, 2, "Bandung") +
            "<x:c r=\"F2\"><x:v>1250000</x:v></x:c><x:c r=\"G2\"><x:v>125</x:v></x:c>" +
            InlineCell(7, 2, "QRIS") + InlineCell(8, 2, "Selesai") + "</x:row></x:sheetData></x:worksheet>";
        var export = DocumentFiles.Exports.Get("transactions");
        using var utf8 = Workbook(Encoding.UTF8.GetBytes(sheet));
        using var utf16 = Workbook(Encoding.Unicode.GetPreamble()
            .Concat(Encoding.Unicode.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-16\"?>" + sheet)).ToArray());

        var plain = DocumentFiles.Reader().Read(utf8, export);
        var wide = DocumentFiles.Reader().Read(utf16, export);

        Assert.Equal(DocumentFiles.Csv(export, plain.Records), DocumentFiles.Csv(export, wide.Records));
        Assert.Equal(
            "INV/2025/09/0000001,2025-09-14T08:15:00,Budi & Siti,0812345678,Bandung,1250000,125,QRIS,Selesai",
            DocumentFiles.Csv(export, wide.Records).Split("\r\n")[1]);
    }

    private static string InlineCell(int column, int row, string text) =>
        $"<x:c r=\"{(char)('A' + column)}{row}\" t=\"inlineStr\"><x:is><x:t>{text}</x:t></x:is></x:c>";

    private static MemoryStream Workbook(byte[] sheet)
    {
        var content = new MemoryStream();
        using (var archive = new ZipArchive(content, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(archive, "xl/workbook.xml", Encoding.UTF8.GetBytes(
                "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" " +
                "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">" +
                "<sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"));
            Add(archive, "xl/_rels/workbook.xml.rels", Encoding.UTF8.GetBytes(
                "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
                "<Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\" Type=\"http://schemas.openxmlformats.org/" +
                "officeDocument/2006/relationships/worksheet\"/></Relationships>"));
            Add(archive, "xl/worksheets/sheet1.xml", sheet);
        }

        content.Position = 0;

        return content;
    }

    private static void Add(ZipArchive archive, string path, byte[] bytes)
    {
        using var entry = archive.CreateEntry(path).Open();
        entry.Write(bytes);
    }

    /// <summary>Each start tag with its depth and r, t and s attributes, and the text of each t and v.</summary>
    private static List<string> ScannerEvents(byte[] xml, int bytesPerRead)
    {
        var events = new List<string>();
        using var part = PartScanner.Open(() => new TrickleStream(xml, bytesPerRead), "test.xml");
        while (part.Read())
        {
            if (part.Node != PartNode.StartElement)
            {
                continue;
            }

            var name = Encoding.UTF8.GetString(part.LocalName);
            events.Add($"<{name} {part.Depth} {Attribute(part, "r"u8)} {Attribute(part, "t"u8)} " +
                $"{Attribute(part, "s"u8)}");
            if (name is "t" or "v")
            {
                events.Add("text:" + part.ReadElementText().ToString());
            }
        }

        return events;
    }

    private static string Attribute(PartScanner part, ReadOnlySpan<byte> name) =>
        part.TryGetAttribute(name, out var value) ? value.ToString() : "-";

    private static List<string> XmlReaderEvents(byte[] xml)
    {
        var events = new List<string>();
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        using var reader = XmlReader.Create(new MemoryStream(xml), settings);
        var moved = reader.Read();
        while (moved)
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                moved = reader.Read();
                continue;
            }

            var name = reader.LocalName;
            events.Add($"<{name} {reader.Depth} {reader.GetAttribute("r") ?? "-"} {reader.GetAttribute("t") ?? "-"} " +
                $"{reader.GetAttribute("s") ?? "-"}");
            if (name is "t" or "v")
            {
                events.Add("text:" + reader.ReadElementContentAsString());
                moved = !reader.EOF;
                continue;
            }

            moved = reader.Read();
        }

        return events;
    }

    /// <summary>A stream that hands out at most a few bytes a read, so that every tag straddles a buffer end.</summary>
    private sealed class TrickleStream(byte[] content, int bytesPerRead) : MemoryStream(content)
    {
        public override int Read(byte[] buffer, int offset, int count) =>
            base.Read(buffer, offset, Math.Min(count, bytesPerRead));

        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, bytesPerRead)]);
    }
}

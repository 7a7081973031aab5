using System.Globalization;
using System.Xml;

namespace Andalan.Functions.Documents.Xlsx;

/// <summary>Which cell styles of a workbook show a number as a date (styles.xml: cellXfs and numFmts).</summary>
internal sealed class CellFormats
{
    private readonly bool[] _isDateStyle;

    private CellFormats(bool[] isDateStyle)
    {
        _isDateStyle = isDateStyle;
    }

    public static CellFormats None { get; } = new([]);

    public bool IsDate(int styleIndex) => styleIndex >= 0 && styleIndex < _isDateStyle.Length && _isDateStyle[styleIndex];

    public static CellFormats Read(Stream styles)
    {
        var customDates = new Dictionary<int, bool>();
        var dateStyles = new List<bool>();
        using var reader = XmlReader.Create(styles, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        var inCellXfs = false;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "cellXfs")
            {
                inCellXfs = false;
            }

            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            switch (reader.LocalName)
            {
                case "numFmt":
                    if (int.TryParse(reader.GetAttribute("numFmtId"), NumberStyles.Integer, CultureInfo.InvariantCulture,
                        out var id))
                    {
                        customDates[id] = IsDateFormatCode(reader.GetAttribute("formatCode") ?? string.Empty);
                    }

                    break;
                case "cellXfs":
                    inCellXfs = !reader.IsEmptyElement;
                    break;
                case "xf" when inCellXfs:
                    _ = int.TryParse(reader.GetAttribute("numFmtId"), NumberStyles.Integer, CultureInfo.InvariantCulture,
                        out var format);
                    dateStyles.Add(customDates.TryGetValue(format, out var custom) ? custom : IsBuiltInDate(format));
                    break;
                default:
                    break;
            }
        }

        return new CellFormats([.. dateStyles]);
    }

    private static bool IsBuiltInDate(int id) => id is (>= 14 and <= 22) or (>= 27 and <= 36) or (>= 45 and <= 47)
        or (>= 50 and <= 58);

    /// <summary>A format shows a date when it has day, month, year, hour or second parts outside literals.</summary>
    internal static bool IsDateFormatCode(string code)
    {
        var inQuote = false;
        var inBracket = false;
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            if (inQuote)
            {
                inQuote = c != '"';
                continue;
            }

            if (inBracket)
            {
                inBracket = c != ']';
                continue;
            }

            switch (c)
            {
                case '"':
                    inQuote = true;
                    break;
                case '[':
                    inBracket = true;
                    break;
                case '\\' or '_' or '*':
                    i++;
                    break;
                case 'd' or 'D' or 'm' or 'M' or 'y' or 'Y' or 'h' or 'H' or 's' or 'S':
                    return true;
                default:
                    break;
            }
        }

        return false;
    }
}

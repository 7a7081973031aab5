using System.Globalization;
using System.Text;
using System.Xml;

namespace Andalan.Functions.Documents.Xlsx;

/// <summary>
/// Reads a workbook's two large parts, the sheet and its shared strings, forward element by element straight
/// from their UTF-8 bytes. XmlReader decodes every byte to a character, keeps namespace scopes and makes a
/// string of every attribute and value it is asked for; on a 200,000-row sheet that alone took longer than the
/// whole read may (notes/documents.md). Here numbers and cell references are read from the bytes, and only
/// text that is kept becomes a string.
/// </summary>
/// <remarks>
/// It reads what XML allows in these parts: a declaration, comments, processing instructions, CDATA, the five
/// named entities and character references, either quote around attribute values, white space inside tags,
/// namespace prefixes (names are matched by their local part, as the XmlReader code did) and parts written in
/// another encoding (transcoded to UTF-8 first). Like XmlReader with DTDs prohibited it refuses a DOCTYPE,
/// an entity it does not know and a part that ends inside an element, with an <see cref="XmlException"/>.
/// Unlike XmlReader it does not check that an end tag names the element it closes, nor that names and
/// characters are valid XML.
/// </remarks>
internal sealed class PartScanner : IDisposable
{
    private const int InitialBufferSize = 1 << 16;

    // Excel holds at most 32,767 characters in a cell; a tag or text this long is not a table.
    private const int LargestToken = 1 << 26;

    private readonly Stream _stream;
    private readonly string _part;
    private byte[] _buffer = new byte[InitialBufferSize];
    private int _end;
    private int _pos;
    private int _mark;
    private long _dropped;
    private bool _endOfData;
    private int _open;
    private int _nameStart;
    private int _nameLength;
    private (int NameStart, int NameLength, int ValueStart, int ValueLength)[] _attributes =
        new (int, int, int, int)[8];
    private int _attributeCount;
    private int _cdataStart;
    private int _cdataLength;

    private PartScanner(Stream stream, string part)
    {
        _stream = stream;
        _part = part;
    }

    private enum Markup
    {
        NeedMore,
        StartElement,
        EndElement,
        CData,
        Other,
    }

    public PartNode Node { get; private set; }

    /// <summary>The element's depth: 0 for the root element, as XmlReader counts.</summary>
    public int Depth { get; private set; }

    public bool IsEmptyElement { get; private set; }

    /// <summary>The current tag's name without its prefix, as UTF-8; valid until the scanner reads on.</summary>
    public ReadOnlySpan<byte> LocalName => _buffer.AsSpan(_nameStart, _nameLength);

    /// <summary>
    /// Opens a part. A part in another encoding than UTF-8 (the declaration or a byte order mark says so) is
    /// opened a second time through a transcoding stream.
    /// </summary>
    public static PartScanner Open(Func<Stream> open, string part)
    {
        ArgumentNullException.ThrowIfNull(open);
        var scanner = new PartScanner(open(), part);
        try
        {
            var encoding = scanner.StartAndFindEncoding(transcoded: false);
            if (encoding is null)
            {
                return scanner;
            }

            scanner.Dispose();
            scanner = new PartScanner(Encoding.CreateTranscodingStream(open(), encoding, Encoding.UTF8), part);
            scanner.StartAndFindEncoding(transcoded: true);

            return scanner;
        }
        catch
        {
            scanner.Dispose();
            throw;
        }
    }

    /// <summary>Moves to the next start or end tag, passing over text; false at the end of the part.</summary>
    public bool Read()
    {
        while (true)
        {
            var lt = _buffer.AsSpan(_pos, _end - _pos).IndexOf((byte)'<');
            if (lt < 0)
            {
                _pos = _end;
                _mark = _pos;
                if (More())
                {
                    continue;
                }

                if (_open > 0)
                {
                    throw Malformed("the part ends inside an element");
                }

                Node = PartNode.None;

                return false;
            }

            _pos += lt;
            _mark = _pos;
            var markup = ParseMarkupWhole();
            if (markup is Markup.StartElement or Markup.EndElement)
            {
                return true;
            }
        }
    }

    /// <summary>True on the start tag of an element with this local name.</summary>
    public bool IsElement(ReadOnlySpan<byte> localName) =>
        Node == PartNode.StartElement && LocalName.SequenceEqual(localName);

    /// <summary>True on the end tag of an element with this local name.</summary>
    public bool IsEndOf(ReadOnlySpan<byte> localName) =>
        Node == PartNode.EndElement && LocalName.SequenceEqual(localName);

    /// <summary>The value of the current start tag's attribute with this name (no prefix), as GetAttribute.</summary>
    public bool TryGetAttribute(ReadOnlySpan<byte> name, out PartText value)
    {
        for (var i = 0; i < _attributeCount; i++)
        {
            var attribute = _attributes[i];
            if (_buffer.AsSpan(attribute.NameStart, attribute.NameLength).SequenceEqual(name))
            {
                var raw = _buffer.AsSpan(attribute.ValueStart, attribute.ValueLength);
                value = raw.IndexOfAny("&\t\n\r"u8) < 0
                    ? new PartText(raw)
                    : new PartText(Decode(raw, attribute: true));

                return true;
            }
        }

        value = default;

        return false;
    }

    /// <summary>
    /// The text of the element whose start tag the scanner is on (text, references and CDATA, as
    /// ReadElementContentAsString gives it; a child element is an error). Leaves the scanner on its end tag.
    /// </summary>
    public PartText ReadElementText()
    {
        if (Node != PartNode.StartElement)
        {
            throw new InvalidOperationException("The scanner is not on a start tag.");
        }

        if (IsEmptyElement)
        {
            return new PartText([]);
        }

        StringBuilder? decoded = null;
        while (true)
        {
            _mark = _pos;
            var length = TextUpToMarkup();
            var markup = ParseMarkupWhole();
            var text = _buffer.AsSpan(_mark, length);
            if (markup == Markup.EndElement && decoded is null && text.IndexOfAny((byte)'&', (byte)'\r') < 0)
            {
                return new PartText(text);
            }

            decoded ??= new StringBuilder();
            decoded.Append(Decode(text, attribute: false));
            switch (markup)
            {
                case Markup.EndElement:
                    return new PartText(decoded.ToString());
                case Markup.CData:
                    decoded.Append(NormalizeLineEnds(Encoding.UTF8.GetString(_buffer, _cdataStart, _cdataLength)));
                    break;
                case Markup.StartElement:
                    throw Malformed($"the element '{Encoding.UTF8.GetString(LocalName)}' stands where only text " +
                        "was expected");
                default:
                    break;
            }
        }
    }

    /// <summary>Passes over the element whose start tag the scanner is on; leaves the scanner on its end tag.</summary>
    public void SkipElement()
    {
        if (Node != PartNode.StartElement || IsEmptyElement)
        {
            return;
        }

        var depth = Depth;
        while (Read())
        {
            if (Node == PartNode.EndElement && Depth == depth)
            {
                return;
            }
        }
    }

    public void Dispose() => _stream.Dispose();

    private static string NormalizeLineEnds(string text) =>
        text.Contains('\r', StringComparison.Ordinal)
            ? text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n')
            : text;

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

    private static bool EndsName(byte b) => IsSpace(b) || b is (byte)'/' or (byte)'>';

    /// <summary>Fills the buffer, passes over a byte order mark, and reads the declared encoding.</summary>
    private Encoding? StartAndFindEncoding(bool transcoded)
    {
        while (_end < 256 && More())
        {
        }

        var head = _buffer.AsSpan(0, _end);
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            _pos = 3;

            return null;
        }

        if (transcoded)
        {
            return null;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith("<\0?\0"u8))
        {
            return Encoding.Unicode;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || head.StartsWith("\0<\0?"u8))
        {
            return Encoding.BigEndianUnicode;
        }

        return DeclaredEncoding(head);
    }

    private Encoding? DeclaredEncoding(ReadOnlySpan<byte> head)
    {
        var close = head.StartsWith("<?xml"u8) ? head.IndexOf("?>"u8) : -1;
        if (close < 0)
        {
            return null;
        }

        var declaration = Encoding.ASCII.GetString(head[..close]);
        var at = declaration.IndexOf("encoding", StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var rest = declaration[(at + "encoding".Length)..].TrimStart(' ', '\t', '\r', '\n', '=');
        var name = rest.Length > 0 && rest[0] is '"' or '\'' ? rest[1..].Split(rest[0])[0] : string.Empty;
        if (name.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || name.Length == 0 ||
            name.Equals("us-ascii", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        Encoding encoding;
        try
        {
            encoding = Encoding.GetEncoding(name);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            throw new XmlException($"The xlsx part '{_part}' is in the encoding '{name}', which cannot be read.", e);
        }

        // Two or four bytes a character would have shown in the first bytes, which are plain ASCII here.
        return encoding is UnicodeEncoding or UTF32Encoding
            ? throw new XmlException($"The xlsx part '{_part}' declares the encoding '{name}' but is written in " +
                "single bytes.")
            : encoding;
    }

    /// <summary>
    /// Keeps the bytes from the mark on at the front of the buffer (growing it when they fill it) and reads more
    /// after them; false at the end of the part.
    /// </summary>
    private bool More()
    {
        if (_endOfData)
        {
            return false;
        }

        if (_mark > 0)
        {
            _buffer.AsSpan(_mark, _end - _mark).CopyTo(_buffer);
            _dropped += _mark;
            _pos -= _mark;
            _end -= _mark;
            _mark = 0;
        }

        if (_end == _buffer.Length)
        {
            if (_buffer.Length >= LargestToken)
            {
                throw Malformed($"one tag or text is longer than {LargestToken:N0} bytes");
            }

            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _endOfData = true;

            return false;
        }

        _end += read;

        return true;
    }

    /// <summary>Moves to the next '&lt;', keeping the text from the mark; the text's length.</summary>
    private int TextUpToMarkup()
    {
        while (true)
        {
            var lt = _buffer.AsSpan(_pos, _end - _pos).IndexOf((byte)'<');
            if (lt >= 0)
            {
                _pos += lt;

                return _pos - _mark;
            }

            _pos = _end;
            if (!More())
            {
                throw Malformed("the part ends inside an element");
            }
        }
    }

    private Markup ParseMarkupWhole()
    {
        Markup markup;
        while ((markup = ParseMarkup()) == Markup.NeedMore)
        {
            if (!More())
            {
                throw Malformed("the part ends inside a tag");
            }
        }

        return markup;
    }

    /// <summary>Reads the markup at the scanner's '&lt;' if it is all in the buffer; NeedMore if it is not.</summary>
    private Markup ParseMarkup()
    {
        var s = _buffer.AsSpan(_pos, _end - _pos);
        if (s.Length < 2)
        {
            return Markup.NeedMore;
        }

        switch (s[1])
        {
            case (byte)'/':
                return ParseEndTag(s);
            case (byte)'?':
                var close = s.IndexOf("?>"u8);
                if (close < 0)
                {
                    return Markup.NeedMore;
                }

                _pos += close + 2;

                return Markup.Other;
            case (byte)'!':
                return ParseDeclaration(s);
            default:
                return ParseStartTag(s);
        }
    }

    private Markup ParseEndTag(ReadOnlySpan<byte> s)
    {
        var gt = s.IndexOf((byte)'>');
        if (gt < 0)
        {
            return Markup.NeedMore;
        }

        var name = s[2..gt].TrimEnd(" \t\r\n"u8);
        SetName(_pos + 2, name.Length);
        if (--_open < 0)
        {
            throw Malformed("an end tag closes no element");
        }

        Node = PartNode.EndElement;
        Depth = _open;
        IsEmptyElement = false;
        _attributeCount = 0;
        _pos += gt + 1;

        return Markup.EndElement;
    }

    private Markup ParseDeclaration(ReadOnlySpan<byte> s)
    {
        if (s.Length < 4)
        {
            return Markup.NeedMore;
        }

        if (s.StartsWith("<!--"u8))
        {
            var close = s[4..].IndexOf("-->"u8);
            if (close < 0)
            {
                return Markup.NeedMore;
            }

            _pos += 4 + close + 3;

            return Markup.Other;
        }

        if (s.Length < 9)
        {
            return Markup.NeedMore;
        }

        if (s.StartsWith("<![CDATA["u8))
        {
            var close = s[9..].IndexOf("]]>"u8);
            if (close < 0)
            {
                return Markup.NeedMore;
            }

            _cdataStart = _pos + 9;
            _cdataLength = close;
            _pos += 9 + close + 3;

            return Markup.CData;
        }

        throw s.StartsWith("<!DOCTYPE"u8)
            ? Malformed("it has a DTD (DOCTYPE), which is refused as it could expand without bounds")
            : Malformed("markup starting with '<!' that is neither a comment nor CDATA");
    }

    private Markup ParseStartTag(ReadOnlySpan<byte> s)
    {
        var i = 1;
        while (i < s.Length && !EndsName(s[i]))
        {
            i++;
        }

        if (i == s.Length)
        {
            return Markup.NeedMore;
        }

        if (i == 1)
        {
            throw Malformed("a tag without a name");
        }

        var nameLength = i - 1;
        _attributeCount = 0;
        bool empty;
        while (true)
        {
            while (i < s.Length && IsSpace(s[i]))
            {
                i++;
            }

            if (i == s.Length)
            {
                return Markup.NeedMore;
            }

            if (s[i] == '>')
            {
                empty = false;
                i++;
                break;
            }

            if (s[i] == '/')
            {
                if (i + 1 == s.Length)
                {
                    return Markup.NeedMore;
                }

                if (s[i + 1] != '>')
                {
                    throw Malformed("a '/' inside a tag");
                }

                empty = true;
                i += 2;
                break;
            }

            var attribute = ParseAttribute(s, ref i);
            if (attribute == Markup.NeedMore)
            {
                return Markup.NeedMore;
            }
        }

        SetName(_pos + 1, nameLength);
        Node = PartNode.StartElement;
        Depth = _open;
        IsEmptyElement = empty;
        if (!empty)
        {
            _open++;
        }

        _pos += i;

        return Markup.StartElement;
    }

    /// <summary>Reads one name="value" at i and records it; NeedMore when the buffer ends first.</summary>
    private Markup ParseAttribute(ReadOnlySpan<byte> s, ref int i)
    {
        var nameStart = i;
        while (i < s.Length && s[i] != '=' && !EndsName(s[i]))
        {
            i++;
        }

        var nameEnd = i;
        while (i < s.Length && IsSpace(s[i]))
        {
            i++;
        }

        if (i == s.Length)
        {
            return Markup.NeedMore;
        }

        if (nameEnd == nameStart || s[i] != '=')
        {
            throw Malformed("an attribute without a name or a value");
        }

        i++;
        while (i < s.Length && IsSpace(s[i]))
        {
            i++;
        }

        if (i == s.Length)
        {
            return Markup.NeedMore;
        }

        var quote = s[i];
        if (quote is not (byte)'"' and not (byte)'\'')
        {
            throw Malformed("an attribute value without quotes");
        }

        var length = s[(i + 1)..].IndexOf(quote);
        if (length < 0)
        {
            return Markup.NeedMore;
        }

        if (_attributeCount == _attributes.Length)
        {
            Array.Resize(ref _attributes, _attributes.Length * 2);
        }

        _attributes[_attributeCount++] = (_pos + nameStart, nameEnd - nameStart, _pos + i + 1, length);
        i += length + 2;

        return Markup.StartElement;
    }

    /// <summary>Records a tag's name as its local part: after the prefix and colon, if any.</summary>
    private void SetName(int start, int length)
    {
        var colon = _buffer.AsSpan(start, length).LastIndexOf((byte)':');
        _nameStart = start + colon + 1;
        _nameLength = length - colon - 1;
    }

    /// <summary>
    /// Text with its references replaced and its line ends normalised as XML says: CR LF and CR become LF in
    /// text; in an attribute value every line end and tab becomes a space.
    /// </summary>
    private string Decode(ReadOnlySpan<byte> raw, bool attribute)
    {
        var text = new StringBuilder(raw.Length);
        var specials = attribute ? "&\t\n\r"u8 : "&\r"u8;
        while (!raw.IsEmpty)
        {
            var at = raw.IndexOfAny(specials);
            text.Append(Encoding.UTF8.GetString(at < 0 ? raw : raw[..at]));
            if (at < 0)
            {
                break;
            }

            var special = raw[at];
            raw = raw[(at + 1)..];
            if (special != '&')
            {
                if (special == '\r' && raw.StartsWith("\n"u8))
                {
                    raw = raw[1..];
                }

                text.Append(attribute ? ' ' : '\n');
                continue;
            }

            var semicolon = raw.IndexOf((byte)';');
            if (semicolon < 0)
            {
                throw Malformed("an '&' that starts no reference");
            }

            text.Append(Reference(raw[..semicolon]));
            raw = raw[(semicolon + 1)..];
        }

        return text.ToString();
    }

    private string Reference(ReadOnlySpan<byte> name)
    {
        switch (name)
        {
            case [(byte)'l', (byte)'t']:
                return "<";
            case [(byte)'g', (byte)'t']:
                return ">";
            case [(byte)'a', (byte)'m', (byte)'p']:
                return "&";
            case [(byte)'q', (byte)'u', (byte)'o', (byte)'t']:
                return "\"";
            case [(byte)'a', (byte)'p', (byte)'o', (byte)'s']:
                return "'";
            case [(byte)'#', (byte)'x', .. var hex] when int.TryParse(hex, NumberStyles.AllowHexSpecifier,
                CultureInfo.InvariantCulture, out var code) && IsCharacter(code):
                return char.ConvertFromUtf32(code);
            case [(byte)'#', .. var digits] when int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture,
                out var code) && IsCharacter(code):
                return char.ConvertFromUtf32(code);
            default:
                throw Malformed($"the reference '&{Encoding.UTF8.GetString(name)};', which is no character and " +
                    "no entity XML defines");
        }
    }

    private static bool IsCharacter(int code) => code is > 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF);

    private XmlException Malformed(string what) =>
        new($"The xlsx part '{_part}' is not well-formed XML near byte {_dropped + _pos:N0}: {what}.");
}

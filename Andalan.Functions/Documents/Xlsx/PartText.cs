using System.Globalization;
using System.Text;

namespace Andalan.Functions.Documents.Xlsx;

/// <summary>
/// The text of an element or attribute that <see cref="PartScanner"/> found: the part's UTF-8 bytes when they
/// need no decoding (valid until the scanner reads on), or the decoded text. Numbers and cell types are read
/// from the bytes, so the millions of them in a large sheet become no strings.
/// </summary>
internal readonly ref struct PartText
{
    private readonly ReadOnlySpan<byte> _utf8;
    private readonly string? _decoded;

    public PartText(ReadOnlySpan<byte> utf8)
    {
        _utf8 = utf8;
        _decoded = null;
    }

    public PartText(string decoded)
    {
        _utf8 = default;
        _decoded = decoded;
    }

    public bool Is(ReadOnlySpan<byte> ascii)
    {
        if (_decoded is null)
        {
            return _utf8.SequenceEqual(ascii);
        }

        if (_decoded.Length != ascii.Length)
        {
            return false;
        }

        for (var i = 0; i < ascii.Length; i++)
        {
            if (_decoded[i] != ascii[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A whole number of digits only, as a row number, a style or a shared string index is written.</summary>
    public bool TryParseIndex(out int value) => _decoded is null
        ? int.TryParse(_utf8, NumberStyles.None, CultureInfo.InvariantCulture, out value)
        : int.TryParse(_decoded, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    public bool TryParseNumber(out double value) => _decoded is null
        ? double.TryParse(_utf8, NumberStyles.Float, CultureInfo.InvariantCulture, out value)
        : double.TryParse(_decoded, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    /// <summary>The column of a cell reference (<c>B7</c> is 1): its letters, counted from A; -1 for none.</summary>
    public int ColumnIndex()
    {
        var column = 0;
        if (_decoded is null)
        {
            foreach (var b in _utf8)
            {
                if (!TryAddLetter(ref column, (char)b))
                {
                    break;
                }
            }
        }
        else
        {
            foreach (var c in _decoded)
            {
                if (!TryAddLetter(ref column, c))
                {
                    break;
                }
            }
        }

        return column - 1;
    }

    public override string ToString() => _decoded ?? Encoding.UTF8.GetString(_utf8);

    private static bool TryAddLetter(ref int column, char c)
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
            return false;
        }

        return true;
    }
}

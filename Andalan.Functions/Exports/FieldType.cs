using System.Diagnostics.CodeAnalysis;

namespace Andalan.Functions.Exports;

/// <summary>The type of a record field; decides how a cell is parsed and how it is written to Sheets.</summary>
public enum FieldType
{
    /// <summary>Trimmed text with white space folded; never parsed as a number (phone numbers stay text).</summary>
    Text,

    /// <summary>A whole number, possibly negative, with Indonesian thousands separators.</summary>
    [SuppressMessage("Naming", "CA1720", Justification = "The schema's own word for the type (ARCHITECTURE.md).")]
    Integer,

    /// <summary>An amount in rupiah (<c>Rp 1.250.000</c>, <c>Rp1.250.000,00</c>), kept as a whole number.</summary>
    Rupiah,

    /// <summary>A calendar date in panel local time.</summary>
    Date,

    /// <summary>A date and time in panel local time (Asia/Jakarta).</summary>
    DateTime,
}

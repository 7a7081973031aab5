namespace Andalan.Functions.Documents;

/// <summary>Why a file could not be read as an export's table.</summary>
public enum DocumentErrorKind
{
    /// <summary>The file is neither a PDF nor an xlsx workbook (for example an HTML maintenance page).</summary>
    NotATable,

    /// <summary>The file has no table, no pages or no text at all.</summary>
    Empty,

    /// <summary>The file ends before its structure does, as a cut-off download does.</summary>
    Truncated,

    /// <summary>The file is damaged in a way other than a cut-off end.</summary>
    Corrupt,

    /// <summary>The file needs a password to open.</summary>
    Encrypted,

    /// <summary>The pages are images without text: a scan, which needs OCR this reader does not do.</summary>
    Scanned,

    /// <summary>The file is over a configured limit (pages, rows, or unpacked workbook size).</summary>
    TooLarge,

    /// <summary>No header row with the export's labels was found.</summary>
    HeaderNotFound,

    /// <summary>The header was found but lacks columns the export's schema needs.</summary>
    MissingColumns,
}

namespace Andalan.Functions.Backend;

/// <summary>An export file that arrived and passed the checks.</summary>
/// <param name="Export">The export's name.</param>
/// <param name="Path">Where the file was saved (full path).</param>
/// <param name="FileName">The file's name as the panel suggested it, made safe for the file system.</param>
/// <param name="Size">Bytes.</param>
/// <param name="Sha256">SHA-256 of the content, lower-case hex.</param>
/// <param name="ContentType">The media type found from the content (xlsx or PDF).</param>
/// <param name="Duration">From opening the report page to the file being checked.</param>
/// <param name="Window">The date window the export was filtered by, or null when it has none.</param>
public sealed record DownloadedFile(
    string Export, string Path, string FileName, long Size, string Sha256, string ContentType, TimeSpan Duration,
    DateWindow? Window)
{
    /// <summary>Part of <see cref="Duration"/> spent starting the browser, when it started during this download.</summary>
    public TimeSpan BrowserStart { get; init; }

    /// <summary>Part of <see cref="Duration"/> spent logging in, when a login happened during this download.</summary>
    public TimeSpan Login { get; init; }
}

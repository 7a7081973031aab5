namespace Andalan.Functions.Storage;

/// <summary>
/// A file kept in the archive: small, serializable, and all an activity needs to pass on instead of the
/// file's contents.
/// </summary>
/// <param name="RunId">The run it belongs to.</param>
/// <param name="Export">The export it belongs to.</param>
/// <param name="FileName">The file's name as downloaded.</param>
/// <param name="BlobName">Where it is: <c>{runId}/{export}/{fileName}</c> in the archive container.</param>
/// <param name="Sha256">The content's SHA-256, lower-case hex.</param>
/// <param name="Size">The content's length in bytes.</param>
/// <param name="ContentType">The media type, for example application/pdf.</param>
/// <param name="Kind">A download or failure evidence.</param>
/// <param name="StoredAt">When it was stored.</param>
public sealed record ArchivedFile(
    string RunId,
    string Export,
    string FileName,
    string BlobName,
    string Sha256,
    long Size,
    string ContentType,
    ArchivedFileKind Kind,
    DateTimeOffset StoredAt);

namespace Andalan.Functions.Workflow;

/// <summary>A downloaded file as kept in the archive: a reference, never the contents.</summary>
public sealed record ArchivedFile(string BlobName, string FileName, long Size, string Sha256, string ContentType);

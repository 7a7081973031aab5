namespace Andalan.Sandbox.Telegram;

/// <summary>A file sent with sendDocument.</summary>
public sealed record ChatDocument(string FileId, string FileName, string MimeType, byte[] Content);

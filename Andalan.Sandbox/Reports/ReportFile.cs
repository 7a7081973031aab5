namespace Andalan.Sandbox.Reports;

/// <summary>An export file as the panel sends it: the attachment's name, its media type and its bytes.</summary>
public sealed record ReportFile(string FileName, string ContentType, byte[] Content);

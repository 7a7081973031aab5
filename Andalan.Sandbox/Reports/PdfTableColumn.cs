namespace Andalan.Sandbox.Reports;

/// <summary>A column of a PDF table: its header label, its width in points and whether numbers align right.</summary>
internal sealed record PdfTableColumn(string Label, double Width, bool AlignRight = false);

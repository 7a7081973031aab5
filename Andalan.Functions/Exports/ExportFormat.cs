namespace Andalan.Functions.Exports;

/// <summary>The kind of file an export arrives as.</summary>
public enum ExportFormat
{
    Xlsx,
    Pdf,
}

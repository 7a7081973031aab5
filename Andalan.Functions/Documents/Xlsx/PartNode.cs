namespace Andalan.Functions.Documents.Xlsx;

/// <summary>What <see cref="PartScanner"/> stands on.</summary>
internal enum PartNode
{
    None,
    StartElement,
    EndElement,
}

namespace Andalan.Sandbox.Data;

/// <summary>What one advance did to one export's records: the keys added and the keys changed.</summary>
public sealed record ExportChange(string Export, IReadOnlyList<string> Added, IReadOnlyList<string> Changed);

namespace Andalan.Sandbox.Sheets;

/// <summary>What a cell holds, as the API's ExtendedValue distinguishes it.</summary>
public enum CellKind
{
    Number,
    Text,
    Boolean,
    Formula,
    Error,
}

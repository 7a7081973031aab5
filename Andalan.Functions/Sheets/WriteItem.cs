namespace Andalan.Functions.Sheets;

/// <summary>One piece of a write request, already serialized: a row of values or a value range.</summary>
internal sealed record WriteItem(byte[] Json, int Cells);

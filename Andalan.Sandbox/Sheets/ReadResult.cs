namespace Andalan.Sandbox.Sheets;

/// <summary>A ValueRange as read: the range answered and its rows (trailing empties trimmed).</summary>
public sealed record ReadResult(string Range, IReadOnlyList<IReadOnlyList<object?>> Values);

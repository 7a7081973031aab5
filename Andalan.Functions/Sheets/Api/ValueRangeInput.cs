namespace Andalan.Functions.Sheets.Api;

/// <summary>A ValueRange to write: values are strings, numbers or booleans (RAW keeps them as they are).</summary>
internal sealed record ValueRangeInput(string Range, IReadOnlyList<IReadOnlyList<object?>> Values);

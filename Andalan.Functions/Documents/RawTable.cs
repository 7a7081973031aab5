namespace Andalan.Functions.Documents;

/// <summary>A table as the document shows it: header labels and cell text, white space folded.</summary>
public sealed class RawTable
{
    public required IReadOnlyList<string> Header { get; init; }

    public required IReadOnlyList<IReadOnlyList<string>> Rows { get; init; }

    public required int Pages { get; init; }
}

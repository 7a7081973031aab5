using Andalan.Functions.Exports;

namespace Andalan.Functions.Documents;

/// <summary>A table's header row, with each column matched to the export's fields.</summary>
internal sealed class TableHeader
{
    private readonly int[] _columnOfField;

    public TableHeader(IReadOnlyList<HeaderColumn> columns, ExportDefinition export)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(export);
        Columns = columns;
        _columnOfField = Enumerable.Repeat(-1, export.Fields.Count).ToArray();
        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i].Field >= 0)
            {
                _columnOfField[columns[i].Field] = i;
            }
        }

        MatchedFields = _columnOfField.Count(c => c >= 0);
    }

    public IReadOnlyList<HeaderColumn> Columns { get; }

    public int MatchedFields { get; }

    /// <summary>The column holding a field, or -1.</summary>
    public int ColumnOf(int field) => _columnOfField[field];

    public string Describe() => string.Join(" | ", Columns.Select(c => c.Label));
}

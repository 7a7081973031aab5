using Andalan.Functions.Exports;

namespace Andalan.Functions.Documents.Records;

/// <summary>
/// Turns a table's rows into typed records: each field from the column with its label, converted to the
/// field's type. A row whose key is empty or repeats an earlier row's key, or with a cell that does not
/// convert, is rejected with its row, column and value, and the rest go on.
/// </summary>
internal sealed class RecordMapper
{
    private readonly ExportDefinition _export;
    private readonly TableHeader _header;
    private readonly int[] _columnOfField;
    private readonly FieldType[] _types;
    private readonly int _keyIndex;
    private readonly Dictionary<string, int> _rowOfKey = new(StringComparer.Ordinal);

    public RecordMapper(ExportDefinition export, TableHeader header)
    {
        _export = export;
        _header = header;
        _columnOfField = [.. Enumerable.Range(0, export.Fields.Count).Select(header.ColumnOf)];
        _types = [.. export.Fields.Select(f => f.Type)];
        _keyIndex = export.KeyIndex;
        var missing = export.Fields.Where((_, i) => _columnOfField[i] < 0).ToList();
        if (missing.Count > 0)
        {
            throw new DocumentException(DocumentErrorKind.MissingColumns,
                $"The table of export '{export.Name}' has no column for " +
                string.Join(", ", missing.Select(f => $"'{f.Label}' ({f.Name})")) +
                $". Its header reads: {header.Describe()}. Not retried: if the panel renamed the column, set the new " +
                $"label in the export's Fields setting (Andalan__Exports__{export.Name}__Fields__N__Label).");
        }
    }

    /// <summary>Columns the schema does not know (a row-number column aside), for a warning.</summary>
    public IEnumerable<string> UnknownColumns =>
        _header.Columns.Where(c => c.Field == HeaderMatcher.Unknown && c.Label.Length > 0).Select(c => c.Label);

    public ExportRecord? Map(TableRow row, List<RejectedRow> rejected)
    {
        var values = new object?[_types.Length];
        var before = rejected.Count;
        for (var i = 0; i < values.Length; i++)
        {
            var cell = row.Cells[_columnOfField[i]];
            if (!CellValue.TryConvert(cell, _types[i], out values[i], out var reason))
            {
                rejected.Add(Rejection(row, i, cell, reason));
            }
        }

        var keyIndex = _keyIndex;
        var key = values[keyIndex];
        if (key is null && rejected.Count == before)
        {
            rejected.Add(Rejection(row, keyIndex, null, "is empty: every record needs its key"));
        }
        else if (key is not null)
        {
            var text = RecordText.Format(key);
            if (!_rowOfKey.TryAdd(text, row.Number))
            {
                rejected.Add(Rejection(row, keyIndex, row.Cells[_columnOfField[keyIndex]],
                    $"repeats the key of row {_rowOfKey[text]}"));
            }
        }

        return rejected.Count == before ? new ExportRecord(row.Number, values) : null;
    }

    private RejectedRow Rejection(TableRow row, int field, object? cell, string reason) =>
        new(row.Number, row.Page, _header.Columns[_columnOfField[field]].Label, _export.Fields[field].Name,
            CellValue.Text(cell), reason);
}

using Andalan.Functions.Exports;
using Andalan.Functions.Sheets.Api;

namespace Andalan.Functions.Sheets;

/// <summary>Deciding what to write: screening records, finding their rows by key, finding changed cells.</summary>
internal sealed partial class SheetSync
{
    /// <summary>Records that cannot be written are set aside with the reason, never half-written.</summary>
    private (List<ExportRecord> Accepted, List<RejectedRecord> Rejected) Screen(
        ExportDefinition export, IReadOnlyList<ExportRecord> records)
    {
        var accepted = new List<ExportRecord>(records.Count);
        var rejected = new List<RejectedRecord>();
        var firstRowOfKey = new Dictionary<string, int>(StringComparer.Ordinal);
        var rowBudget = _options.MaxRequestBytes - WriteBatches.Envelope;
        var keyIndex = export.KeyIndex;
        foreach (var record in records)
        {
            var key = record.Values.Count == export.Fields.Count
                ? RecordText.Format(record.Values[keyIndex])
                : string.Empty;
            var reason = Problem(export, record, key);
            if (reason is null && !firstRowOfKey.TryAdd(key, record.SourceRow))
            {
                reason = $"key '{key}' appears again in this export (first at source row {firstRowOfKey[key]})";
            }

            if (reason is null && record.Values.Sum(v => v is string s ? s.Length * 3 : 32) > rowBudget)
            {
                reason = $"the record is too large for one request of {_options.MaxRequestBytes:N0} bytes";
            }

            if (reason is null)
            {
                accepted.Add(record);
                continue;
            }

            rejected.Add(new RejectedRecord(record.SourceRow, key, reason));
            SheetsLog.RecordRejected(logger, export.Name, record.SourceRow, reason);
        }

        return (accepted, rejected);
    }

    private string? Problem(ExportDefinition export, ExportRecord record, string key)
    {
        if (record.Values.Count != export.Fields.Count)
        {
            return $"it has {record.Values.Count} values where the schema has {export.Fields.Count} fields";
        }

        if (key.Length == 0)
        {
            return $"its key {export.Key} is empty";
        }

        for (var i = 0; i < export.Fields.Count; i++)
        {
            var field = export.Fields[i];
            var value = record.Values[i];
            var fits = value is null || field.Type switch
            {
                FieldType.Text => value is string,
                FieldType.Integer or FieldType.Rupiah => value is long or int,
                FieldType.Date => value is DateOnly,
                FieldType.DateTime => value is DateTime,
                _ => false,
            };
            if (!fits)
            {
                return $"{field.Name} holds a {value!.GetType().Name} where a {field.Type} is expected";
            }

            if (value is string text && text.Length > _options.MaxCellCharacters)
            {
                return $"{field.Name} has {text.Length:N0} characters; " +
                    $"a Sheets cell holds at most {_options.MaxCellCharacters:N0}";
            }
        }

        return null;
    }

    private static SyncPlan Plan(
        ExportDefinition export, List<ExportRecord> records, IReadOnlyList<IReadOnlyList<CellValue>> rows)
    {
        var keyColumn = export.KeyIndex;
        var rowOfKey = new Dictionary<string, int>(StringComparer.Ordinal);
        var duplicates = new List<string>();
        for (var r = 1; r < rows.Count; r++)
        {
            if (keyColumn >= rows[r].Count || rows[r][keyColumn].IsEmpty)
            {
                continue;
            }

            var key = SheetValues.KeyText(rows[r][keyColumn]);
            if (!rowOfKey.TryAdd(key, r) && !duplicates.Contains(key))
            {
                duplicates.Add(key);
            }
        }

        var fresh = new List<WriteItem>();
        var changes = new List<CellChange>();
        var (changedRecords, unchanged) = (0, 0);
        foreach (var record in records)
        {
            if (!rowOfKey.TryGetValue(RecordText.Format(record.Values[keyColumn]), out var row))
            {
                fresh.Add(new WriteItem(SheetValues.RowJson(record.Values), record.Values.Count));
                continue;
            }

            var before = changes.Count;
            AddChanges(record, rows[row], row, changes);
            if (changes.Count > before)
            {
                changedRecords++;
            }
            else
            {
                unchanged++;
            }
        }

        return new SyncPlan(fresh, changes, changedRecords, unchanged, duplicates);
    }

    /// <summary>Adds the runs of adjacent cells that differ from the record, so only those cells are written.</summary>
    private static void AddChanges(
        ExportRecord record, IReadOnlyList<CellValue> cells, int row, List<CellChange> changes)
    {
        List<object>? run = null;
        var runStart = 0;
        for (var c = 0; c <= record.Values.Count; c++)
        {
            var cell = c < cells.Count ? cells[c] : default;
            var differs = c < record.Values.Count && !SheetValues.Matches(record.Values[c], cell);
            if (differs)
            {
                if (run is null)
                {
                    run = [];
                    runStart = c;
                }

                run.Add(SheetValues.ToCell(record.Values[c]));
            }
            else if (run is not null)
            {
                changes.Add(new CellChange(row, runStart, run));
                run = null;
            }
        }
    }

    private sealed record SyncPlan(
        IReadOnlyList<WriteItem> New,
        IReadOnlyList<CellChange> Changes,
        int ChangedRecords,
        int Unchanged,
        IReadOnlyList<string> DuplicateKeys);
}

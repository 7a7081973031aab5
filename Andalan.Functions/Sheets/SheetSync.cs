using System.Globalization;
using System.Text;
using System.Text.Json;
using Andalan.Functions.Exports;
using Andalan.Functions.Sheets.Api;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Andalan.Functions.Sheets;

/// <summary>
/// Upserts an export's records into its own tab by the export's key: new records appended, changed cells of
/// known records updated in place, nothing deleted, nothing duplicated, columns right of the schema's left
/// alone. It reads once (the tab list, then the schema columns), decides, and writes in as few batches as the
/// size limits allow: at most 3 calls plus one per <see cref="SheetsOptions.MaxCellsPerWrite"/> cells.
/// </summary>
internal sealed partial class SheetSync(
    SheetsClient client, IOptions<SheetsOptions> options, TimeProvider time, ILogger<SheetSync> logger)
{
    private readonly SheetsOptions _options = options.Value;

    public async Task<SheetSyncOutcome> SyncAsync(
        ExportDefinition export, IReadOnlyList<ExportRecord> records, bool dryRun, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(export);
        ArgumentNullException.ThrowIfNull(records);
        var started = time.GetTimestamp();
        var calls = SheetsClient.CountCallsOfThisFlow();
        SheetsLog.SyncStarting(logger, export.Name, export.Tab, records.Count, dryRun);

        var (accepted, rejections) = Screen(export, records);
        var spreadsheet = await client.GetSpreadsheetAsync(cancellationToken);
        var sheet = spreadsheet.Sheets?.Select(s => s.Properties).FirstOrDefault(p => p.Title == export.Tab);
        var rows = sheet is null ? [] : await ReadSchemaColumnsAsync(export, cancellationToken);
        var laidOut = rows.Count > 0;
        if (laidOut)
        {
            RefuseOnHeaderMismatch(export, rows[0]);
        }

        var plan = Plan(export, accepted, rows);
        if (plan.DuplicateKeys.Count > 0)
        {
            SheetsLog.DuplicateKeys(logger, export.Tab, plan.DuplicateKeys.Count, plan.DuplicateKeys[0]);
        }

        long cellsWritten = 0;
        if (!dryRun)
        {
            var columns = sheet?.GridProperties?.ColumnCount ?? (export.Fields.Count + _options.SpareColumns);
            var gridRows = sheet?.GridProperties?.RowCount ?? 0;

            // A tab not laid out yet gets its rows in the grid first and its values written in place; appending
            // would insert rows above the column formats and push them down, in Sheets as in the sandbox.
            var rowsNeeded = laidOut ? plan.New.Count : Math.Max(0, 1 + plan.New.Count - gridRows);
            EnsureRoom(export, spreadsheet, rowsNeeded, columns);
            if (laidOut)
            {
                cellsWritten += await UpdateChangedAsync(export, plan.Changes, cancellationToken);
                cellsWritten += await AppendNewAsync(export, plan.New, anchorRow: rows.Count, cancellationToken);
            }
            else
            {
                var tabRows = Math.Max(2, 1 + plan.New.Count);
                await LayOutAsync(export, spreadsheet, sheet, columns, tabRows, cancellationToken);
                cellsWritten += await WriteFromTopAsync(export, plan.New, cancellationToken);
            }
        }

        var outcome = new SheetSyncOutcome
        {
            Export = export.Name,
            Tab = export.Tab,
            DryRun = dryRun,
            TabCreated = !laidOut,
            New = plan.New.Count,
            Changed = plan.ChangedRecords,
            Unchanged = plan.Unchanged,
            CellsWritten = cellsWritten,
            ApiCalls = calls.Calls,
            Retries = calls.Retries,
            DuplicateKeysInTab = plan.DuplicateKeys,
            Rejections = rejections,
            Elapsed = time.GetElapsedTime(started),
        };
        SheetsLog.SyncFinished(
            logger, export.Name, export.Tab, outcome.New, outcome.Changed, outcome.Unchanged, outcome.Rejected,
            outcome.CellsWritten, outcome.ApiCalls, outcome.Retries, outcome.Elapsed.TotalMilliseconds);

        return outcome;
    }

    /// <summary>One read of the schema's columns, whole (<c>'Tab'!A:I</c>), typed.</summary>
    private async Task<IReadOnlyList<IReadOnlyList<CellValue>>> ReadSchemaColumnsAsync(
        ExportDefinition export, CancellationToken cancellationToken)
    {
        var range = $"{SheetValues.Quote(export.Tab)}!A:{SheetValues.ColumnName(export.Fields.Count - 1)}";
        var read = await client.BatchGetValuesAsync([range], cancellationToken);

        return read.Count == 0 ? [] : read[0].Rows;
    }

    private void RefuseOnHeaderMismatch(ExportDefinition export, IReadOnlyList<CellValue> header)
    {
        if (HeaderProblem(export, header) is { } problem)
        {
            SheetsLog.SyncRefused(logger, export.Name, export.Tab, problem);

            throw new SheetsRefusedException(export.Tab, problem);
        }
    }

    /// <summary>Null when row 1 starts with the schema's field names in order; otherwise what is wrong.</summary>
    internal static string? HeaderProblem(ExportDefinition export, IReadOnlyList<CellValue> header)
    {
        var found = header.Select(c => SheetValues.KeyText(c).Trim()).ToList();
        var problems = new List<string>();
        for (var i = 0; i < export.Fields.Count; i++)
        {
            var expected = export.Fields[i].Name;
            var actual = i < found.Count ? found[i] : string.Empty;
            if (actual.Equals(expected, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var elsewhere = found.FindIndex(f => f.Equals(expected, StringComparison.OrdinalIgnoreCase));
            var where = elsewhere >= 0
                ? $"; '{expected}' is in column {SheetValues.ColumnName(elsewhere)}"
                : string.Empty;
            problems.Add(actual.Length == 0
                ? $"column {SheetValues.ColumnName(i)} should be '{expected}' but is empty{where}"
                : $"column {SheetValues.ColumnName(i)} should be '{expected}' but is '{actual}'{where}");
        }

        if (problems.Count == 0)
        {
            return null;
        }

        var last = SheetValues.ColumnName(export.Fields.Count - 1);

        return $"Tab '{export.Tab}' does not have the columns of export '{export.Name}': " +
            $"{string.Join("; ", problems)}. " +
            $"Row 1 must start with {string.Join(", ", export.Fields.Select(f => f.Name))} (columns A to {last}); " +
            $"columns after {last} are free for your own use. Nothing was written.";
    }

    private void EnsureRoom(ExportDefinition export, SpreadsheetResource spreadsheet, int newRows, int columns)
    {
        var used = spreadsheet.Sheets?.Sum(s =>
            (long)(s.Properties.GridProperties?.RowCount ?? 0) * (s.Properties.GridProperties?.ColumnCount ?? 0)) ?? 0;
        var needed = (long)newRows * columns;
        if (needed == 0 || used + needed <= _options.CellLimit)
        {
            return;
        }

        var room = Math.Max(0, _options.CellLimit - used);
        var problem = string.Create(
            CultureInfo.InvariantCulture,
            $"The spreadsheet has room for {room:N0} more cells ({room / columns:N0} rows of tab '{export.Tab}' " +
            $"at {columns} columns) of its {_options.CellLimit:N0}-cell limit, " +
            $"and this sync needs {needed:N0} ({newRows:N0} rows). " +
            $"Move old rows or tabs to another spreadsheet, or delete empty rows and columns. Nothing was written.");
        SheetsLog.SyncRefused(logger, export.Name, export.Tab, problem);

        throw new SheetsRefusedException(export.Tab, problem);
    }

    /// <summary>
    /// One batchUpdate: the tab with as many rows as it is about to hold (or more rows for a tab a person made
    /// empty), a frozen header and the column formats by field type.
    /// </summary>
    private async Task LayOutAsync(
        ExportDefinition export, SpreadsheetResource spreadsheet, SheetProperties? sheet, int columns, int rows,
        CancellationToken cancellationToken)
    {
        var requests = new List<SheetsRequest>();
        int sheetId;
        if (sheet is null)
        {
            sheetId = NewSheetId(export.Tab, spreadsheet);
            var grid = new GridProperties(RowCount: rows, ColumnCount: columns, FrozenRowCount: 1);
            var properties = new SheetProperties(sheetId, export.Tab, GridProperties: grid);
            requests.Add(new SheetsRequest(AddSheet: new AddSheetRequest(properties)));
        }
        else
        {
            sheetId = sheet.SheetId ?? 0;
            var gridRows = sheet.GridProperties?.RowCount ?? 0;
            if (gridRows < rows)
            {
                var more = new AppendDimensionRequest(sheetId, "ROWS", rows - gridRows);
                requests.Add(new SheetsRequest(AppendDimension: more));
            }

            var gridColumns = sheet.GridProperties?.ColumnCount ?? 0;
            if (gridColumns < export.Fields.Count)
            {
                var wider = new AppendDimensionRequest(sheetId, "COLUMNS", export.Fields.Count - gridColumns);
                requests.Add(new SheetsRequest(AppendDimension: wider));
            }

            requests.Add(new SheetsRequest(UpdateSheetProperties: new UpdateSheetPropertiesRequest(
                new SheetProperties(sheetId, null, GridProperties: new GridProperties(FrozenRowCount: 1)),
                "gridProperties.frozenRowCount")));
        }

        for (var i = 0; i < export.Fields.Count; i++)
        {
            requests.Add(new SheetsRequest(RepeatCell: new RepeatCellRequest(
                new GridRange(sheetId, StartRowIndex: 1, StartColumnIndex: i, EndColumnIndex: i + 1),
                new CellData(new CellFormat(SheetValues.FormatFor(export.Fields[i].Type))),
                "userEnteredFormat.numberFormat")));
        }

        await client.BatchUpdateAsync(requests, cancellationToken);
        if (sheet is null)
        {
            SheetsLog.TabCreated(logger, export.Tab, columns);
        }
    }

    /// <summary>A sheet id from the tab's name, so the format requests can name the tab their batch adds.</summary>
    private static int NewSheetId(string tab, SpreadsheetResource spreadsheet)
    {
        var taken = spreadsheet.Sheets?.Select(s => s.Properties.SheetId ?? 0).ToHashSet() ?? [];
        var hash = System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(tab));
        var id = (int)(BitConverter.ToUInt32(hash) % int.MaxValue);
        while (id == 0 || taken.Contains(id))
        {
            id = (id % (int.MaxValue - 1)) + 1;
        }

        return id;
    }

    private async Task<long> UpdateChangedAsync(
        ExportDefinition export, IReadOnlyList<CellChange> changes, CancellationToken cancellationToken)
    {
        if (changes.Count == 0)
        {
            return 0;
        }

        var tab = SheetValues.Quote(export.Tab);
        var items = changes.Select(c =>
        {
            var first = SheetValues.ColumnName(c.Column);
            var last = SheetValues.ColumnName(c.Column + c.Values.Count - 1);
            var range = string.Create(CultureInfo.InvariantCulture, $"{tab}!{first}{c.Row + 1}:{last}{c.Row + 1}");

            return new WriteItem(SheetsClient.Serialize(new ValueRangeInput(range, [c.Values])), c.Values.Count);
        }).ToArray();
        long cells = 0;
        foreach (var batch in WriteBatches.Split(items, _options.MaxCellsPerWrite, _options.MaxRequestBytes))
        {
            var body = WriteBatches.Body("{\"valueInputOption\":\"RAW\",\"data\":["u8, batch, "]}"u8);
            await client.BatchUpdateValuesAsync(body, cancellationToken);
            cells += batch.Sum(i => i.Cells);
        }

        return cells;
    }

    /// <summary>The header and the records of a freshly laid-out tab, written in place from row 1 in batches.</summary>
    private async Task<long> WriteFromTopAsync(
        ExportDefinition export, IReadOnlyList<WriteItem> rows, CancellationToken cancellationToken)
    {
        var header = new WriteItem(SheetsClient.Serialize(export.Fields.Select(f => f.Name)), export.Fields.Count);
        WriteItem[] items = [header, .. rows];
        var lastColumn = SheetValues.ColumnName(export.Fields.Count - 1);
        var row = 1;
        long cells = 0;
        foreach (var batch in WriteBatches.Split(items, _options.MaxCellsPerWrite, _options.MaxRequestBytes))
        {
            var lastRow = row + batch.Count - 1;
            var range = string.Create(
                CultureInfo.InvariantCulture, $"{SheetValues.Quote(export.Tab)}!A{row}:{lastColumn}{lastRow}");
            var quoted = JsonSerializer.Serialize(range, SheetsClient.Json);
            var prefix = Encoding.UTF8.GetBytes(
                $"{{\"valueInputOption\":\"RAW\",\"data\":[{{\"range\":{quoted},\"values\":[");
            await client.BatchUpdateValuesAsync(WriteBatches.Body(prefix, batch, "]}]}"u8), cancellationToken);
            row += batch.Count;
            cells += batch.Sum(i => i.Cells);
        }

        return cells;
    }

    /// <summary>
    /// Appends below the last row that holds data in the schema's columns, inserting rows so nothing below is
    /// overwritten. The append looks for the table from that row, so a blank row a person left higher up cannot
    /// make rows land in the middle of the data.
    /// </summary>
    private async Task<long> AppendNewAsync(
        ExportDefinition export, IReadOnlyList<WriteItem> rows, int anchorRow, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return 0;
        }

        var range = string.Create(
            CultureInfo.InvariantCulture,
            $"{SheetValues.Quote(export.Tab)}!A{anchorRow}:{SheetValues.ColumnName(export.Fields.Count - 1)}");
        var quoted = JsonSerializer.Serialize(range, SheetsClient.Json);
        var prefix = Encoding.UTF8.GetBytes($"{{\"range\":{quoted},\"majorDimension\":\"ROWS\",\"values\":[");
        long cells = 0;
        foreach (var batch in WriteBatches.Split([.. rows], _options.MaxCellsPerWrite, _options.MaxRequestBytes))
        {
            await client.AppendValuesAsync(range, WriteBatches.Body(prefix, batch, "]}"u8), cancellationToken);
            cells += batch.Sum(i => i.Cells);
        }

        return cells;
    }
}

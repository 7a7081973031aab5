using System.Globalization;
using System.Text.Json;

namespace Andalan.Sandbox.Sheets;

/// <summary>The values collection: get, update, append and clear.</summary>
public sealed partial class Spreadsheet
{
    /// <summary>Marks a value Google skips (null) apart from one that clears the cell ("").</summary>
    private static readonly SheetCell Skip = SheetCell.OfError("skip");

    public ReadResult Read(string rangeText, RenderOption render, bool serialDates, bool columnsMajor = false)
    {
        ArgumentNullException.ThrowIfNull(rangeText);
        lock (_gate)
        {
            var range = ParseRange(rangeText);
            var tab = ResolveTab(range, rangeText);
            var (r0, c0) = (range.StartRow ?? 0, range.StartColumn ?? 0);
            if (r0 >= tab.RowCount || c0 >= tab.ColumnCount)
            {
                throw ExceedsGrid(tab, r0, c0, r0 + 1, c0 + 1);
            }

            var r1 = Math.Min(range.EndRow ?? tab.RowCount, tab.RowCount);
            var c1 = Math.Min(range.EndColumn ?? tab.ColumnCount, tab.ColumnCount);
            var rows = RenderRows(tab, r0, c0, r1, c1, render, serialDates);
            if (columnsMajor)
            {
                rows = Transpose(rows);
            }

            return new ReadResult(A1Range.Format(tab.Title, r0, c0, r1, c1), rows);
        }
    }

    public WriteResult Write(string rangeText, IReadOnlyList<IReadOnlyList<JsonElement>> rows, ValueInput input) =>
        WriteMany([(rangeText, rows)], input)[0];

    /// <summary>Writes several ranges all or nothing: every range and value is checked before any is stored.</summary>
    public IReadOnlyList<WriteResult> WriteMany(
        IReadOnlyList<(string Range, IReadOnlyList<IReadOnlyList<JsonElement>> Rows)> writes, ValueInput input)
    {
        ArgumentNullException.ThrowIfNull(writes);
        lock (_gate)
        {
            var prepared = writes.Select(w => PrepareWrite(w.Range, w.Rows, input)).ToList();
            foreach (var (tab, r0, c0, cells, _) in prepared)
            {
                Store(tab, r0, c0, cells);
            }

            return [.. prepared.Select(p => Written(p.Tab, p.Row, p.Column, p.Rows))];
        }
    }

    private (SheetTab Tab, int Row, int Column, SheetCell?[][] Cells, IReadOnlyList<IReadOnlyList<JsonElement>> Rows)
        PrepareWrite(string rangeText, IReadOnlyList<IReadOnlyList<JsonElement>> rows, ValueInput input)
    {
        ArgumentNullException.ThrowIfNull(rangeText);
        ArgumentNullException.ThrowIfNull(rows);
        var range = ParseRange(rangeText);
        var tab = ResolveTab(range, rangeText);
        var (r0, c0) = (range.StartRow ?? 0, range.StartColumn ?? 0);
        var width = rows.Count == 0 ? 0 : rows.Max(r => r.Count);

        // A single cell names where writing starts, as in Sheets; a larger range bounds what may be written.
        if (range.EndRow - range.StartRow == 1 && range.EndColumn - range.StartColumn == 1)
        {
            range = range with { EndRow = null, EndColumn = null };
        }

        if (range.EndRow is { } endRow && r0 + rows.Count > endRow)
        {
            throw SheetsException.InvalidArgument(string.Create(
                CultureInfo.InvariantCulture,
                $"Requested writing within range [{rangeText}], but tried writing to row [{r0 + rows.Count}]"));
        }

        if (range.EndColumn is { } endColumn && c0 + width > endColumn)
        {
            throw SheetsException.InvalidArgument(
                $"Requested writing within range [{rangeText}], " +
                $"but tried writing to column [{A1Range.ColumnName(c0 + width - 1)}]");
        }

        if (r0 + rows.Count > tab.RowCount || c0 + width > tab.ColumnCount)
        {
            throw ExceedsGrid(tab, r0, c0, r0 + Math.Max(rows.Count, 1), c0 + Math.Max(width, 1));
        }

        return (tab, r0, c0, Convert(tab, r0, c0, rows, input), rows);
    }

    /// <summary>
    /// Finds the table in the range (from the first row with data, down through the rows that continue it)
    /// and writes the rows below it, from the table's first column; INSERT_ROWS inserts rows for them,
    /// OVERWRITE writes over what is there. Either way the grid grows when the rows do not fit.
    /// </summary>
    public AppendResult Append(
        string rangeText, IReadOnlyList<IReadOnlyList<JsonElement>> rows, ValueInput input, bool insertRows)
    {
        ArgumentNullException.ThrowIfNull(rangeText);
        ArgumentNullException.ThrowIfNull(rows);
        lock (_gate)
        {
            var range = ParseRange(rangeText);
            var tab = ResolveTab(range, rangeText);
            var (r0, c0) = (range.StartRow ?? 0, range.StartColumn ?? 0);
            var r1 = Math.Min(range.EndRow ?? tab.RowCount, tab.RowCount);
            var c1 = Math.Min(range.EndColumn ?? tab.ColumnCount, tab.ColumnCount);
            var table = FindTable(tab, r0, c0, r1, c1);
            var (atRow, atColumn) = table is { } t ? (t.EndRow, t.StartColumn) : (r0, c0);
            var width = rows.Count == 0 ? 0 : rows.Max(r => r.Count);

            var extraRows = insertRows ? rows.Count : Math.Max(0, atRow + rows.Count - tab.RowCount);
            var extraColumns = Math.Max(0, atColumn + width - tab.ColumnCount);
            EnsureRoomFor(((long)(tab.RowCount + extraRows) * (tab.ColumnCount + extraColumns)) - tab.GridCells);

            // Values are checked before the grid changes, so a refused request leaves the sheet as it was.
            var cells = Convert(tab, atRow, atColumn, rows, input);
            if (insertRows)
            {
                tab.InsertRows(Math.Min(atRow, tab.RowCount), rows.Count);
            }
            else
            {
                tab.RowCount += extraRows;
            }

            tab.ColumnCount += extraColumns;
            Store(tab, atRow, atColumn, cells);

            var tableRange = table is { } found
                ? A1Range.Format(tab.Title, found.StartRow, found.StartColumn, found.EndRow, found.EndColumn)
                : null;

            return new AppendResult(tableRange, Written(tab, atRow, atColumn, rows));
        }
    }

    public string Clear(string rangeText)
    {
        ArgumentNullException.ThrowIfNull(rangeText);
        lock (_gate)
        {
            var range = ParseRange(rangeText);
            var tab = ResolveTab(range, rangeText);
            var (r0, c0) = (range.StartRow ?? 0, range.StartColumn ?? 0);
            var r1 = Math.Min(range.EndRow ?? tab.RowCount, tab.RowCount);
            var c1 = Math.Min(range.EndColumn ?? tab.ColumnCount, tab.ColumnCount);
            for (var r = r0; r < r1; r++)
            {
                for (var c = c0; c < c1; c++)
                {
                    tab.Set(r, c, null);
                }
            }

            return A1Range.Format(tab.Title, r0, c0, r1, c1);
        }
    }

    private static (int StartRow, int StartColumn, int EndRow, int EndColumn)? FindTable(
        SheetTab tab, int r0, int c0, int r1, int c1)
    {
        var last = Math.Min(r1, tab.RowsWithData);
        var first = r0;
        while (first < last && !tab.RowHasData(first, c0, c1))
        {
            first++;
        }

        if (first >= last)
        {
            return null;
        }

        var end = first;
        var (minColumn, maxColumn) = (int.MaxValue, -1);
        while (end < r1 && tab.RowHasData(end, c0, c1))
        {
            for (var c = c0; c < c1; c++)
            {
                if (tab.Cell(end, c) is not null)
                {
                    minColumn = Math.Min(minColumn, c);
                    maxColumn = Math.Max(maxColumn, c);
                }
            }

            end++;
        }

        return (first, minColumn, end, maxColumn + 1);
    }

    private SheetCell?[][] Convert(
        SheetTab tab, int r0, int c0, IReadOnlyList<IReadOnlyList<JsonElement>> rows, ValueInput input)
    {
        var converted = new SheetCell?[rows.Count][];
        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            converted[r] = new SheetCell?[row.Count];
            for (var c = 0; c < row.Count; c++)
            {
                converted[r][c] = ConvertValue(tab, r0 + r, c0 + c, row[c], input, r, c);
            }
        }

        return converted;
    }

    /// <summary>A null JSON value leaves the cell as it is (Google skips nulls); an empty string clears it.</summary>
    private SheetCell? ConvertValue(
        SheetTab tab, int row, int column, JsonElement value, ValueInput input, int r, int c)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Null or JsonValueKind.Undefined:
                return Skip;
            case JsonValueKind.True or JsonValueKind.False:
                return SheetCell.OfBoolean(value.GetBoolean());
            case JsonValueKind.Number:
                return SheetCell.OfNumber(value.GetDouble());
            case JsonValueKind.String:
                var text = value.GetString()!;
                if (text.Length > _limits.MaxCellCharacters)
                {
                    throw SheetsException.InvalidArgument(string.Create(
                        CultureInfo.InvariantCulture,
                        $"Your input contains more than the maximum of {_limits.MaxCellCharacters} characters " +
                        $"in a single cell."));
                }

                if (text.Length == 0)
                {
                    return null;
                }

                if (input == ValueInput.Raw)
                {
                    return SheetCell.OfText(text);
                }

                var parsed = UserEnteredParser.Parse(text, tab.FormatOf(row, column));

                return parsed?.Format is null ? parsed : parsed with { FormatStamp = ++_formatStamp };
            default:
                throw SheetsException.InvalidArgument(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Invalid values[{r}][{c}]: {value.GetRawText()}"));
        }
    }

    private static void Store(SheetTab tab, int r0, int c0, SheetCell?[][] cells)
    {
        for (var r = 0; r < cells.Length; r++)
        {
            for (var c = 0; c < cells[r].Length; c++)
            {
                var cell = cells[r][c];
                if (ReferenceEquals(cell, Skip))
                {
                    continue;
                }

                // A cell keeps its own format when a value without one replaces it, as in Sheets.
                var previous = tab.Cell(r0 + r, c0 + c);
                if (cell is { Format: null } && previous?.Format is { } format)
                {
                    cell = cell with { Format = format, FormatStamp = previous.FormatStamp };
                }

                tab.Set(r0 + r, c0 + c, cell);
            }
        }
    }

    private static WriteResult Written(SheetTab tab, int r0, int c0, IReadOnlyList<IReadOnlyList<JsonElement>> rows)
    {
        var width = rows.Count == 0 ? 0 : rows.Max(r => r.Count);
        var cells = rows.Sum(r => r.Count);
        var range = rows.Count == 0 || width == 0
            ? A1Range.Format(tab.Title, r0, c0, r0 + 1, c0 + 1)
            : A1Range.Format(tab.Title, r0, c0, r0 + rows.Count, c0 + width);

        return new WriteResult(range, rows.Count(r => r.Count > 0), width, cells);
    }

    private List<IReadOnlyList<object?>> RenderRows(
        SheetTab tab, int r0, int c0, int r1, int c1, RenderOption render, bool serialDates)
    {
        var rows = new List<IReadOnlyList<object?>>();
        var lastRow = Math.Min(r1, tab.RowsWithData);
        var pendingEmpty = 0;
        for (var r = r0; r < lastRow; r++)
        {
            var values = new List<object?>();
            var lastFilled = -1;
            for (var c = c0; c < c1; c++)
            {
                var value = Render(tab, r, c, render, serialDates);
                values.Add(value);
                if (value is not "")
                {
                    lastFilled = values.Count - 1;
                }
            }

            if (lastFilled < 0)
            {
                pendingEmpty++;
                continue;
            }

            for (; pendingEmpty > 0; pendingEmpty--)
            {
                rows.Add([]);
            }

            values.RemoveRange(lastFilled + 1, values.Count - lastFilled - 1);
            rows.Add(values);
        }

        return rows;
    }

    private object? Render(SheetTab tab, int row, int column, RenderOption render, bool serialDates)
    {
        var stored = tab.Cell(row, column);
        if (stored is null)
        {
            return string.Empty;
        }

        if (render == RenderOption.Formula && stored.Kind == CellKind.Formula)
        {
            return stored.Text;
        }

        var cell = Evaluated(tab, row, column)!;
        var format = tab.FormatOf(row, column);
        if (render == RenderOption.Formatted)
        {
            return CellFormatter.Format(cell, format);
        }

        return cell.Kind switch
        {
            CellKind.Number when !serialDates && format is not null &&
                CellFormatter.IsDatePattern(format.EffectivePattern) =>
                CellFormatter.Format(cell, format),
            CellKind.Number => cell.Number,
            CellKind.Boolean => cell.Boolean,
            _ => cell.Text ?? string.Empty,
        };
    }

    private static List<IReadOnlyList<object?>> Transpose(List<IReadOnlyList<object?>> rows)
    {
        var width = rows.Count == 0 ? 0 : rows.Max(r => r.Count);
        var columns = new List<IReadOnlyList<object?>>();
        for (var c = 0; c < width; c++)
        {
            var column = rows.Select(r => c < r.Count ? r[c] : string.Empty).ToList();
            while (column.Count > 0 && column[^1] is "")
            {
                column.RemoveAt(column.Count - 1);
            }

            columns.Add(column);
        }

        return columns;
    }
}

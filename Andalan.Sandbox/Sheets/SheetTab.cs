namespace Andalan.Sandbox.Sheets;

/// <summary>
/// One tab of the spreadsheet: its properties and grid size, its cells (stored sparsely, so a tab with a
/// large grid costs only what it holds) and the number formats applied to its ranges.
/// </summary>
public sealed class SheetTab
{
    private readonly List<SheetCell?[]?> _rows;
    private readonly List<FormatRule> _rules;

    public SheetTab(int sheetId, string title, int rowCount, int columnCount)
    {
        ArgumentNullException.ThrowIfNull(title);
        SheetId = sheetId;
        Title = title;
        RowCount = rowCount;
        ColumnCount = columnCount;
        _rows = [];
        _rules = [];
    }

    private SheetTab(SheetTab other)
    {
        SheetId = other.SheetId;
        Title = other.Title;
        Index = other.Index;
        RowCount = other.RowCount;
        ColumnCount = other.ColumnCount;
        FrozenRowCount = other.FrozenRowCount;
        FrozenColumnCount = other.FrozenColumnCount;
        _rows = other._rows;
        _rules = [.. other._rules];
    }

    public int SheetId { get; }

    public string Title { get; set; }

    public int Index { get; set; }

    public int RowCount { get; set; }

    public int ColumnCount { get; set; }

    public int FrozenRowCount { get; set; }

    public int FrozenColumnCount { get; set; }

    /// <summary>Cells the grid counts against the spreadsheet's limit, empty or not.</summary>
    public long GridCells => (long)RowCount * ColumnCount;

    /// <summary>One past the last row that holds a cell.</summary>
    public int RowsWithData
    {
        get
        {
            var last = _rows.Count;
            while (last > 0 && (_rows[last - 1] is null || _rows[last - 1]!.All(c => c is null)))
            {
                last--;
            }

            return last;
        }
    }

    public IReadOnlyList<FormatRule> FormatRules => _rules;

    /// <summary>
    /// A copy for a batch of property and format changes that may be rejected as a whole; it shares the
    /// cells, which those changes never touch.
    /// </summary>
    public SheetTab CloneForPropertyChanges() => new(this);

    public SheetCell? Cell(int row, int column)
    {
        if (row >= _rows.Count || _rows[row] is not { } cells || column >= cells.Length)
        {
            return null;
        }

        return cells[column];
    }

    public void Set(int row, int column, SheetCell? cell)
    {
        while (_rows.Count <= row)
        {
            if (cell is null)
            {
                return;
            }

            _rows.Add(null);
        }

        var cells = _rows[row];
        if (cells is null || cells.Length <= column)
        {
            if (cell is null)
            {
                return;
            }

            Array.Resize(ref cells, Math.Max(column + 1, cells?.Length * 2 ?? 0));
            _rows[row] = cells;
        }

        cells[column] = cell;
    }

    /// <summary>True when the row holds a cell in columns [from, to).</summary>
    public bool RowHasData(int row, int from, int to)
    {
        if (row >= _rows.Count || _rows[row] is not { } cells)
        {
            return false;
        }

        for (var c = from; c < Math.Min(to, cells.Length); c++)
        {
            if (cells[c] is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Inserts empty rows before <paramref name="at"/>; cells and bounded formats below move down.</summary>
    public void InsertRows(int at, int count)
    {
        if (at < _rows.Count)
        {
            _rows.InsertRange(at, Enumerable.Repeat<SheetCell?[]?>(null, count));
        }

        for (var i = 0; i < _rules.Count; i++)
        {
            var rule = _rules[i];
            if (rule.StartRow >= at)
            {
                _rules[i] = rule with { StartRow = rule.StartRow + count, EndRow = rule.EndRow + count };
            }
            else if (rule.EndRow is { } end && end > at)
            {
                _rules[i] = rule with { EndRow = end + count };
            }
        }

        RowCount += count;
    }

    public void AddFormatRule(FormatRule rule) => _rules.Add(rule);

    /// <summary>The format the cell shows with: its own or the latest rule's, whichever came last.</summary>
    public NumberFormat? FormatOf(int row, int column)
    {
        FormatRule? rule = null;
        for (var i = _rules.Count - 1; i >= 0; i--)
        {
            if (_rules[i].Covers(row, column))
            {
                rule = _rules[i];
                break;
            }
        }

        var cell = Cell(row, column);
        if (cell?.Format is { } own && (rule is null || cell.FormatStamp > rule.Stamp))
        {
            return own;
        }

        return rule?.Format;
    }
}

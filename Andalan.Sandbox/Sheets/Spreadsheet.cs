using System.Globalization;

namespace Andalan.Sandbox.Sheets;

/// <summary>
/// The one spreadsheet the sandbox holds: its tabs, their cells and formats, and the operations the Sheets
/// API offers on them. Every operation takes the same lock, so a request sees and leaves a consistent sheet.
/// </summary>
public sealed partial class Spreadsheet
{
    private readonly Lock _gate = new();
    private readonly SheetsLimits _limits;
    private List<SheetTab> _tabs;
    private long _formatStamp;

    public Spreadsheet(string spreadsheetId, SheetsLimits limits)
    {
        ArgumentNullException.ThrowIfNull(spreadsheetId);
        ArgumentNullException.ThrowIfNull(limits);
        SpreadsheetId = spreadsheetId;
        _limits = limits;
        _tabs = [new SheetTab(0, "Sheet1", 1000, 26)];
    }

    public string SpreadsheetId { get; }

    public string Title { get; set; } = "Andalan ATK (sandbox)";

    /// <summary>The tabs in their order, as copies of their properties at this moment.</summary>
    public IReadOnlyList<SheetTab> Tabs
    {
        get
        {
            lock (_gate)
            {
                return [.. _tabs];
            }
        }
    }

    /// <summary>Cells counted against the limit: every tab's grid, filled or not.</summary>
    public long GridCells
    {
        get
        {
            lock (_gate)
            {
                return _tabs.Sum(t => t.GridCells);
            }
        }
    }

    /// <summary>A tab's values as FORMATTED_VALUE or UNFORMATTED_VALUE shows them; null when no such tab.</summary>
    public IReadOnlyList<IReadOnlyList<object?>>? Snapshot(string title, bool formatted)
    {
        lock (_gate)
        {
            var tab = _tabs.FirstOrDefault(t => t.Title == title);
            if (tab is null)
            {
                return null;
            }

            var render = formatted ? RenderOption.Formatted : RenderOption.Unformatted;

            return RenderRows(tab, 0, 0, tab.RowCount, tab.ColumnCount, render, serialDates: true);
        }
    }

    /// <summary>The cell's value as the sheet shows it: a formula evaluated, otherwise the cell itself.</summary>
    internal SheetCell? Evaluated(SheetTab tab, int row, int column, int depth = 0)
    {
        var cell = tab.Cell(row, column);
        if (cell is not { Kind: CellKind.Formula })
        {
            return cell;
        }

        var evaluator = new FormulaEvaluator(
            (sheet, r, c) => sheet is null ? Evaluated(tab, r, c, depth + 1) : CellOf(sheet, r, c, depth + 1),
            sheet => _tabs.FirstOrDefault(t => t.Title == sheet) is { } target
                ? (target.RowCount, target.ColumnCount)
                : null,
            tab.Title,
            depth);

        var result = evaluator.Evaluate(cell.Text ?? string.Empty);

        return result with { Format = cell.Format, FormatStamp = cell.FormatStamp };
    }

    private SheetCell? CellOf(string sheet, int row, int column, int depth) =>
        _tabs.FirstOrDefault(t => t.Title == sheet) is { } tab ? Evaluated(tab, row, column, depth) : null;

    private SheetTab ResolveTab(A1Range range, string text) =>
        range.Sheet is null
            ? _tabs.OrderBy(t => t.Index).First()
            : _tabs.FirstOrDefault(t => t.Title == range.Sheet)
                ?? throw SheetsException.InvalidArgument($"Unable to parse range: {text}");

    private A1Range ParseRange(string text) => A1Range.Parse(text, title => _tabs.Any(t => t.Title == title));

    private static SheetsException ExceedsGrid(
        SheetTab tab, int startRow, int startColumn, int endRow, int endColumn) =>
        SheetsException.InvalidArgument(string.Create(
            CultureInfo.InvariantCulture,
            $"Range ({A1Range.Format(tab.Title, startRow, startColumn, endRow, endColumn)}) exceeds grid limits. " +
            $"Max rows: {tab.RowCount}, max columns: {tab.ColumnCount}"));

    private void EnsureRoomFor(long extraCells)
    {
        var total = _tabs.Sum(t => t.GridCells);
        if (extraCells > 0 && total + extraCells > _limits.CellLimit)
        {
            throw CellLimitReached();
        }
    }

    private SheetsException CellLimitReached() =>
        SheetsException.InvalidArgument(string.Create(
            CultureInfo.InvariantCulture,
            $"This action would increase the number of cells in the workbook above the limit of " +
            $"{_limits.CellLimit} cells."));
}

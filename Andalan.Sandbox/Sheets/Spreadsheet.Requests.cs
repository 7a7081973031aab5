using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Andalan.Sandbox.Sheets;

/// <summary>spreadsheets.get and spreadsheets.batchUpdate: tabs, their grid properties and number formats.</summary>
public sealed partial class Spreadsheet
{
    /// <summary>The Spreadsheet resource without grid data, as spreadsheets.get has it before a field mask.</summary>
    public JsonObject Describe(Uri viewUrl)
    {
        lock (_gate)
        {
            var sheets = new JsonArray();
            foreach (var tab in _tabs.OrderBy(t => t.Index))
            {
                sheets.Add(new JsonObject { ["properties"] = Properties(tab) });
            }

            return new JsonObject
            {
                ["spreadsheetId"] = SpreadsheetId,
                ["properties"] = new JsonObject
                {
                    ["title"] = Title,
                    ["locale"] = "en_US",
                    ["autoRecalc"] = "ON_CHANGE",
                    ["timeZone"] = "Asia/Jakarta",
                },
                ["sheets"] = sheets,
                ["spreadsheetUrl"] = viewUrl.ToString(),
            };
        }
    }

    /// <summary>
    /// Applies a batch of requests all or nothing, as Google does: they work on copies of the tabs' properties,
    /// which replace the originals only when every request and the cell limit pass.
    /// </summary>
    public JsonArray BatchUpdate(JsonElement requests)
    {
        if (requests.ValueKind != JsonValueKind.Array)
        {
            throw SheetsException.InvalidArgument(
                "Invalid JSON payload received. Expected an array of requests at 'requests'.");
        }

        lock (_gate)
        {
            var tabs = _tabs.Select(t => t.CloneForPropertyChanges()).ToList();
            var stamp = _formatStamp;
            var replies = new JsonArray();
            var index = 0;
            foreach (var request in requests.EnumerateArray())
            {
                var kind = request.EnumerateObject().FirstOrDefault();
                var where = string.Create(CultureInfo.InvariantCulture, $"requests[{index}].{kind.Name}");
                replies.Add(kind.Name switch
                {
                    "addSheet" => AddSheet(tabs, kind.Value, where),
                    "updateSheetProperties" => UpdateSheetProperties(tabs, kind.Value, where),
                    "repeatCell" => RepeatCell(tabs, kind.Value, where, ++stamp),
                    "appendDimension" => AppendDimension(tabs, kind.Value, where),
                    "deleteSheet" => DeleteSheet(tabs, kind.Value, where),
                    _ => throw SheetsException.InvalidArgument(string.Create(
                        CultureInfo.InvariantCulture,
                        $"Invalid JSON payload received. Unknown name \"{kind.Name}\" at 'requests[{index}]': " +
                        $"Cannot find field.")),
                });
                index++;
            }

            var total = tabs.Sum(t => t.GridCells);
            if (total > _limits.CellLimit && total > _tabs.Sum(t => t.GridCells))
            {
                throw CellLimitReached();
            }

            _tabs = tabs;
            _formatStamp = stamp;

            return replies;
        }
    }

    private static JsonObject Properties(SheetTab tab)
    {
        var grid = new JsonObject { ["rowCount"] = tab.RowCount, ["columnCount"] = tab.ColumnCount };
        if (tab.FrozenRowCount > 0)
        {
            grid["frozenRowCount"] = tab.FrozenRowCount;
        }

        if (tab.FrozenColumnCount > 0)
        {
            grid["frozenColumnCount"] = tab.FrozenColumnCount;
        }

        return new JsonObject
        {
            ["sheetId"] = tab.SheetId,
            ["title"] = tab.Title,
            ["index"] = tab.Index,
            ["sheetType"] = "GRID",
            ["gridProperties"] = grid,
        };
    }

    private static JsonObject AddSheet(List<SheetTab> tabs, JsonElement body, string where)
    {
        var properties = Member(body, "properties");
        var sheetId = Int(properties, "sheetId") ?? NextSheetId(tabs);
        var title = Member(properties, "title") is { ValueKind: JsonValueKind.String } t
            ? t.GetString()!
            : string.Create(CultureInfo.InvariantCulture, $"Sheet{tabs.Count + 1}");
        if (tabs.Any(s => s.Title.Equals(title, StringComparison.OrdinalIgnoreCase)))
        {
            throw SheetsException.InvalidArgument(
                $"Invalid {where}: A sheet with the name \"{title}\" already exists. Please enter another name.");
        }

        if (tabs.Any(s => s.SheetId == sheetId))
        {
            throw SheetsException.InvalidArgument(string.Create(
                CultureInfo.InvariantCulture, $"Invalid {where}: Sheet with id {sheetId} already exists."));
        }

        var grid = Member(properties, "gridProperties");
        var tab = new SheetTab(sheetId, title, Int(grid, "rowCount") ?? 1000, Int(grid, "columnCount") ?? 26)
        {
            FrozenRowCount = Int(grid, "frozenRowCount") ?? 0,
            FrozenColumnCount = Int(grid, "frozenColumnCount") ?? 0,
        };
        if (tab.RowCount < 1 || tab.ColumnCount < 1)
        {
            throw SheetsException.InvalidArgument($"Invalid {where}: a grid needs at least one row and one column.");
        }

        if (tab.FrozenRowCount >= tab.RowCount)
        {
            throw SheetsException.InvalidArgument($"Invalid {where}: You can't freeze all visible rows on the sheet.");
        }

        var at = Math.Clamp(Int(properties, "index") ?? tabs.Count, 0, tabs.Count);
        var ordered = tabs.OrderBy(s => s.Index).ToList();
        ordered.Insert(at, tab);
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].Index = i;
        }

        tabs.Add(tab);

        return new JsonObject { ["addSheet"] = new JsonObject { ["properties"] = Properties(tab) } };
    }

    private static JsonObject UpdateSheetProperties(List<SheetTab> tabs, JsonElement body, string where)
    {
        var properties = Member(body, "properties");
        var tab = TabById(tabs, Int(properties, "sheetId") ?? 0, where);
        var fields = Member(body, "fields") is { ValueKind: JsonValueKind.String } f
            ? f.GetString()!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            : throw NoFields(where);
        var grid = Member(properties, "gridProperties");
        foreach (var field in fields)
        {
            var all = field == "*";
            if (all || field == "title")
            {
                var title = Member(properties, "title").GetString() ?? tab.Title;
                if (tabs.Any(s => s != tab && s.Title.Equals(title, StringComparison.OrdinalIgnoreCase)))
                {
                    throw SheetsException.InvalidArgument(
                        $"Invalid {where}: A sheet with the name \"{title}\" already exists. " +
                        "Please enter another name.");
                }

                tab.Title = title;
            }

            if (all || field is "gridProperties" or "gridProperties.frozenRowCount")
            {
                tab.FrozenRowCount = Int(grid, "frozenRowCount") ?? 0;
            }

            if (all || field is "gridProperties" or "gridProperties.frozenColumnCount")
            {
                tab.FrozenColumnCount = Int(grid, "frozenColumnCount") ?? 0;
            }

            if (all || field is "gridProperties" or "gridProperties.rowCount")
            {
                tab.RowCount = Int(grid, "rowCount") ?? tab.RowCount;
            }

            if (all || field is "gridProperties" or "gridProperties.columnCount")
            {
                tab.ColumnCount = Int(grid, "columnCount") ?? tab.ColumnCount;
            }
        }

        if (tab.FrozenRowCount >= tab.RowCount)
        {
            throw SheetsException.InvalidArgument(
                $"Invalid {where}: You can't freeze all visible rows on the sheet.");
        }

        return [];
    }

    /// <summary>Only the number format is kept; other formatting (fonts, colours) is accepted and ignored.</summary>
    private static JsonObject RepeatCell(List<SheetTab> tabs, JsonElement body, string where, long stamp)
    {
        var range = Member(body, "range");
        var tab = TabById(tabs, Int(range, "sheetId") ?? 0, where);
        var fields = Member(body, "fields") is { ValueKind: JsonValueKind.String } f ? f.GetString()! : string.Empty;
        if (fields.Length == 0)
        {
            throw NoFields(where);
        }

        var touchesNumberFormat = fields.Split(',').Any(f =>
            f.Trim() is "*" or "userEnteredFormat" or "userEnteredFormat.numberFormat");
        if (!touchesNumberFormat)
        {
            return [];
        }

        var numberFormat = Member(Member(Member(body, "cell"), "userEnteredFormat"), "numberFormat");
        var type = Member(numberFormat, "type") is { ValueKind: JsonValueKind.String } t ? t.GetString()! : "NUMBER";
        var pattern = Member(numberFormat, "pattern") is { ValueKind: JsonValueKind.String } p
            ? p.GetString()!
            : string.Empty;
        var startRow = Int(range, "startRowIndex") ?? 0;
        var endRow = Int(range, "endRowIndex");
        var startColumn = Int(range, "startColumnIndex") ?? 0;
        var endColumn = Int(range, "endColumnIndex");
        if (endRow > tab.RowCount || endColumn > tab.ColumnCount)
        {
            throw ExceedsGrid(tab, startRow, startColumn, endRow ?? tab.RowCount, endColumn ?? tab.ColumnCount);
        }

        var format = new NumberFormat(type, pattern);
        tab.AddFormatRule(new FormatRule(startRow, endRow, startColumn, endColumn, format, stamp));

        return [];
    }

    private static JsonObject AppendDimension(List<SheetTab> tabs, JsonElement body, string where)
    {
        var tab = TabById(tabs, Int(body, "sheetId") ?? 0, where);
        var length = Int(body, "length") ?? 0;
        if (length < 1)
        {
            throw SheetsException.InvalidArgument($"Invalid {where}: length must be greater than 0.");
        }

        if (Member(body, "dimension").GetString() == "COLUMNS")
        {
            tab.ColumnCount += length;
        }
        else
        {
            tab.RowCount += length;
        }

        return [];
    }

    private static JsonObject DeleteSheet(List<SheetTab> tabs, JsonElement body, string where)
    {
        var tab = TabById(tabs, Int(body, "sheetId") ?? 0, where);
        if (tabs.Count == 1)
        {
            throw SheetsException.InvalidArgument($"Invalid {where}: You can't remove all the sheets in a document.");
        }

        tabs.Remove(tab);

        return [];
    }

    private static SheetTab TabById(List<SheetTab> tabs, int sheetId, string where) =>
        tabs.FirstOrDefault(t => t.SheetId == sheetId)
        ?? throw SheetsException.InvalidArgument(
            string.Create(CultureInfo.InvariantCulture, $"Invalid {where}: No grid with id: {sheetId}"));

    private static SheetsException NoFields(string where) =>
        SheetsException.InvalidArgument(
            $"Invalid {where}: At least one field must be updated, but none were specified.");

    private static int NextSheetId(List<SheetTab> tabs)
    {
        var id = 0;
        while (id == 0 || tabs.Any(t => t.SheetId == id))
        {
            id = Random.Shared.Next(1, int.MaxValue);
        }

        return id;
    }

    private static JsonElement Member(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : default;

    private static int? Int(JsonElement element, string name) =>
        Member(element, name) is { ValueKind: JsonValueKind.Number } value ? value.GetInt32() : null;
}

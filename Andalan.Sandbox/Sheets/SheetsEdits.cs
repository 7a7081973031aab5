using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Andalan.Sandbox.Faults;

namespace Andalan.Sandbox.Sheets;

/// <summary>
/// What a person with the spreadsheet open can do to it behind the app's back, as control endpoints:
/// <c>DELETE /_sandbox/sheets/{tab}</c> deletes a tab, <c>PUT /_sandbox/sheets/{tab}/cells/{cell}</c> with
/// <c>{"value":"..."}</c> types text into one cell (a header, say).
/// </summary>
public static class SheetsEdits
{
    public static IEndpointRouteBuilder MapSheetsEdits(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var edits = app.MapGroup(FaultMiddleware.ControlPrefix + "/sheets");

        edits.MapDelete("/{tab}", (string tab, Spreadsheet sheet) =>
            DeleteTab(sheet, tab) ? Results.NoContent() : Results.NotFound(new { error = $"No tab named '{tab}'." }));

        edits.MapPut("/{tab}/cells/{cell}", (string tab, string cell, CellEdit edit, Spreadsheet sheet) =>
        {
            try
            {
                SetText(sheet, tab, cell, edit.Value ?? string.Empty);

                return Results.NoContent();
            }
            catch (SheetsException e)
            {
                return Results.BadRequest(new { error = e.Message });
            }
        });

        return app;
    }

    /// <summary>Deletes a tab by its title; false when there is none.</summary>
    public static bool DeleteTab(Spreadsheet sheet, string title)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        if (sheet.Tabs.FirstOrDefault(t => t.Title == title) is not { } tab)
        {
            return false;
        }

        var request = new JsonArray(new JsonObject { ["deleteSheet"] = new JsonObject { ["sheetId"] = tab.SheetId } });
        using var document = JsonDocument.Parse(request.ToJsonString());
        sheet.BatchUpdate(document.RootElement);

        return true;
    }

    /// <summary>Puts text into one cell (A1 notation) of a tab, stored as given.</summary>
    public static void SetText(Spreadsheet sheet, string title, string cell, string text)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var quoted = title.Replace("'", "''", StringComparison.Ordinal);
        var range = string.Create(CultureInfo.InvariantCulture, $"'{quoted}'!{cell}");
        var value = JsonSerializer.SerializeToElement(text);
        sheet.Write(range, [[value]], ValueInput.Raw);
    }

    /// <summary>The body of a cell edit.</summary>
    public sealed record CellEdit(string? Value);
}

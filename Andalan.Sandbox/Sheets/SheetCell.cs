namespace Andalan.Sandbox.Sheets;

/// <summary>
/// One non-empty cell: a typed value (or a formula), and the number format the cell itself carries, which
/// wins over a format applied to its range (typing a date into a cell gives the cell a date format).
/// </summary>
public sealed record SheetCell(CellKind Kind, double Number = 0, string? Text = null, bool Boolean = false)
{
    public NumberFormat? Format { get; init; }

    /// <summary>When the cell's own format was set, to weigh it against later range formats.</summary>
    public long FormatStamp { get; init; }

    public static SheetCell OfNumber(double number, NumberFormat? format = null) =>
        new(CellKind.Number, number) { Format = format };

    public static SheetCell OfText(string text) => new(CellKind.Text, Text: text);

    public static SheetCell OfBoolean(bool value) => new(CellKind.Boolean, Boolean: value);

    /// <summary>A formula; <see cref="Text"/> holds it with its leading '='.</summary>
    public static SheetCell OfFormula(string formula) => new(CellKind.Formula, Text: formula);

    public static SheetCell OfError(string code) => new(CellKind.Error, Text: code);
}

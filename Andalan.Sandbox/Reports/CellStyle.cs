namespace Andalan.Sandbox.Reports;

/// <summary>The cell formats of <see cref="StreamingWorkbook"/>'s shared style sheet, by their index in it.</summary>
internal enum CellStyle
{
    Default = 0,
    Title = 1,
    Header = 2,
    DateTime = 3,
    Rupiah = 4,
    Integer = 5,
    Text = 6,
    General = 7,
    TotalLabel = 8,
    TotalRupiah = 9,
    TotalInteger = 10,
}

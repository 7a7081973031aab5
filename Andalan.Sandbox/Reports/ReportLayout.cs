namespace Andalan.Sandbox.Reports;

/// <summary>What every report prints around its rows, and the faults that change its shape.</summary>
/// <param name="PrintedAt">The panel's time when the file was made.</param>
/// <param name="Empty">Print the title and header but no rows.</param>
/// <param name="RenamedColumn">Print one header label under another name, as a panel update might.</param>
internal sealed record ReportLayout(DateTime PrintedAt, ReportPeriod Period, bool Empty, bool RenamedColumn);

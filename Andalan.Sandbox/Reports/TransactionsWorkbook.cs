using Andalan.Sandbox.Data;

namespace Andalan.Sandbox.Reports;

internal static class TransactionsWorkbook
{
    public static byte[] Write(IReadOnlyList<Transaction> records, ReportLayout layout) =>
        throw new NotSupportedException($"Being written: {records.Count} rows, {layout.Period.Line}.");
}

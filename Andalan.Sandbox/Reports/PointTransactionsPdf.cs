using Andalan.Sandbox.Data;

namespace Andalan.Sandbox.Reports;

internal static class PointTransactionsPdf
{
    public static byte[] Write(IReadOnlyList<PointTransaction> records, ReportLayout layout) =>
        throw new NotSupportedException($"Being written: {records.Count} rows, {layout.Period.Line}.");
}

using Andalan.Sandbox.Data;

namespace Andalan.Sandbox.Reports;

internal static class UsersPdf
{
    public static byte[] Write(IReadOnlyList<User> records, ReportLayout layout) =>
        throw new NotSupportedException($"Being written: {records.Count} rows, {layout.Period.Line}.");
}

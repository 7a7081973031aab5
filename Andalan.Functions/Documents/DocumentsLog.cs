using Andalan.Functions.Exports;
using Microsoft.Extensions.Logging;

namespace Andalan.Functions.Documents;

internal static partial class DocumentsLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information,
        Message = "Read export {Export} ({Format}): {Records} records, {Rejected} rows rejected, {Pages} pages, {ElapsedMs} ms")]
    public static partial void DocumentRead(ILogger logger, string export, ExportFormat format, int records, int rejected,
        int pages, long elapsedMs);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Export {Export}: {Warning}")]
    public static partial void DocumentWarning(ILogger logger, string export, string warning);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Debug, Message = "Export {Export} rejected {Rejection}")]
    public static partial void RowRejected(ILogger logger, string export, RejectedRow rejection);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "Export {Export} could not be read ({Kind}): {Reason}")]
    public static partial void DocumentRefused(ILogger logger, string export, DocumentErrorKind kind, string reason);
}

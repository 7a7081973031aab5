using Andalan.Functions.Exports;

namespace Andalan.Functions.Documents;

/// <summary>
/// One document being read as a table: the header is found when the reading opens, the data rows follow one
/// at a time so that memory holds the records, not the document.
/// </summary>
internal abstract class TableReading : IDisposable
{
    public abstract ExportFormat Format { get; }

    public abstract TableHeader Header { get; }

    /// <summary>Pages read so far (PDF) or 1 (workbook).</summary>
    public abstract int Pages { get; }

    /// <summary>The data rows below the header, without blank, title, footer and total rows.</summary>
    public abstract IEnumerable<TableRow> Rows(CancellationToken cancellationToken);

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }
}

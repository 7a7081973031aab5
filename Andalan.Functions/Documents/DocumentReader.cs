using System.Diagnostics.CodeAnalysis;
using Andalan.Functions.Documents.Pdf;
using Andalan.Functions.Documents.Records;
using Andalan.Functions.Documents.Xlsx;
using Andalan.Functions.Exports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Andalan.Functions.Documents;

/// <summary>
/// Reads an exported file (xlsx or PDF, told apart by content) as the table of an export, and turns it into
/// typed records. Expected failures are <see cref="DocumentException"/>s that say what was expected and what
/// was found; rows with bad cells are rejected one by one and the rest go on.
/// </summary>
public sealed class DocumentReader
{
    private readonly DocumentsOptions _options;
    private readonly ILogger<DocumentReader> _logger;
    private readonly TimeProvider _time;

    public DocumentReader(IOptions<DocumentsOptions> options, ILogger<DocumentReader> logger, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(time);
        _options = options.Value;
        _logger = logger;
        _time = time;
    }

    /// <summary>Reads the file at a path.</summary>
    public ExtractionResult Read(string path, ExportDefinition export, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var file = OpenFile(path);

        return Read(file, export, cancellationToken);
    }

    /// <summary>Reads a file's content; a stream that cannot seek is copied first (PDF needs to seek).</summary>
    public ExtractionResult Read(Stream content, ExportDefinition export, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(export);
        var started = _time.GetTimestamp();
        try
        {
            var seekable = Seekable(content, out var owned);
            using var _ = owned;
            using var table = Open(seekable, export);
            var mapper = new RecordMapper(export, table.Header);
            var warnings = mapper.UnknownColumns
                .Select(label => $"column '{label}' is not in the schema of '{export.Name}' and is ignored")
                .ToList();
            if (table.Format != export.Format)
            {
                warnings.Add($"the file is {table.Format}, although export '{export.Name}' is configured as {export.Format}");
            }

            var records = new List<ExportRecord>();
            var rejected = new List<RejectedRow>();
            var rows = 0;
            foreach (var row in table.Rows(cancellationToken))
            {
                if (++rows > _options.MaxRows)
                {
                    throw new DocumentException(DocumentErrorKind.TooLarge,
                        $"The table has more than {_options.MaxRows:N0} rows " +
                        $"({DocumentsOptions.SectionName}:MaxRows); it is refused and nothing is written. If the " +
                        "panel really holds that many, raise that setting.");
                }

                if (mapper.Map(row, rejected) is { } record)
                {
                    records.Add(record);
                }
            }

            var result = new ExtractionResult
            {
                Export = export.Name,
                Format = table.Format,
                Records = records,
                Rejected = rejected,
                Warnings = warnings,
                RowsRead = rows,
                Pages = table.Pages,
            };
            Log(export, result, started);

            return result;
        }
        catch (DocumentException e)
        {
            DocumentsLog.DocumentRefused(_logger, export.Name, e.Kind, e.Message);
            throw;
        }
    }

    /// <summary>The table at a path as the document shows it, for <c>extract --raw</c>.</summary>
    public RawTable ReadRaw(string path, ExportDefinition export, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var file = OpenFile(path);

        return ReadRaw(file, export, cancellationToken);
    }

    /// <summary>A table as the document shows it: header labels and cell text, white space folded.</summary>
    public RawTable ReadRaw(Stream content, ExportDefinition export, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(export);
        var seekable = Seekable(content, out var owned);
        using var _ = owned;
        using var table = Open(seekable, export);
        var rows = new List<IReadOnlyList<string>>();
        foreach (var row in table.Rows(cancellationToken))
        {
            if (rows.Count >= _options.MaxRows)
            {
                throw new DocumentException(DocumentErrorKind.TooLarge,
                    $"The table has more than {_options.MaxRows:N0} rows ({DocumentsOptions.SectionName}:MaxRows).");
            }

            rows.Add([.. row.Cells.Select(CellValue.Text)]);
        }

        return new RawTable
        {
            Header = [.. table.Header.Columns.Select(c => c.Label)],
            Rows = rows,
            Pages = table.Pages,
        };
    }

    private TableReading Open(Stream content, ExportDefinition export)
    {
        var matcher = new HeaderMatcher(export);

        return FileSignature.Detect(content) switch
        {
            ExportFormat.Pdf => new PdfTableReading(content, matcher, _options),
            _ => new XlsxTableReading(content, matcher, _options),
        };
    }

    private static FileStream OpenFile(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new DocumentException(DocumentErrorKind.Empty, $"There is no file at '{path}'.", e);
        }
    }

    [SuppressMessage("Reliability", "CA2000", Justification = "The copy is returned to the caller, who disposes it.")]
    private static Stream Seekable(Stream content, out IDisposable? owned)
    {
        owned = null;
        if (content.CanSeek)
        {
            return content;
        }

        var copy = new FileStream(Path.GetTempFileName(), FileMode.Open, FileAccess.ReadWrite, FileShare.None, 1 << 16,
            FileOptions.DeleteOnClose);
        content.CopyTo(copy);
        copy.Position = 0;
        owned = copy;

        return copy;
    }

    private void Log(ExportDefinition export, ExtractionResult result, long started)
    {
        if (!_logger.IsEnabled(LogLevel.Warning))
        {
            return;
        }

        foreach (var warning in result.Warnings)
        {
            DocumentsLog.DocumentWarning(_logger, export.Name, warning);
        }

        if (_logger.IsEnabled(LogLevel.Debug))
        {
            foreach (var rejection in result.Rejected)
            {
                DocumentsLog.RowRejected(_logger, export.Name, rejection);
            }
        }

        if (_logger.IsEnabled(LogLevel.Information))
        {
            var elapsed = (long)_time.GetElapsedTime(started).TotalMilliseconds;
            var rejected = result.RowsRejected;
            DocumentsLog.DocumentRead(_logger, export.Name, result.Format, result.Records.Count, rejected,
                result.Pages, elapsed);
        }
    }
}

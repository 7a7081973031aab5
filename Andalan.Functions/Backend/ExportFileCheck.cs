using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Andalan.Functions.Exports;

namespace Andalan.Functions.Backend;

/// <summary>
/// Checks that a downloaded file is what the export promises, by its content rather than its name: an xlsx
/// is a zip that holds <c>xl/workbook.xml</c>, a PDF starts with <c>%PDF-</c> and ends with <c>%%EOF</c> (a
/// file cut short lacks it), and neither is an HTML error page.
/// </summary>
public static partial class ExportFileCheck
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string PdfContentType = "application/pdf";

    private const int TailBytes = 2048;

    /// <summary>The file's media type, or an <see cref="BackendFailure.InvalidFile"/> failure saying why not.</summary>
    public static string Verify(string path, ExportDefinition export, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(export);
        var size = new FileInfo(path).Length;
        var expected = export.Format == ExportFormat.Xlsx ? "an xlsx workbook" : "a PDF";
        if (size == 0)
        {
            throw Invalid(export, $"The {export.Name} export arrived empty (0 bytes) instead of {expected}.");
        }

        if (size > maxBytes)
        {
            throw Invalid(export, $"The {export.Name} export is {size:N0} bytes, over the {maxBytes:N0} byte limit " +
                $"(Andalan:Panel:MaxDownloadMegabytes).");
        }

        var head = ReadHead(path, 1024);
        var found = Sniff(head);
        if (found == "html")
        {
            var title = TitleOf(Encoding.UTF8.GetString(head));
            var named = title is null ? string.Empty : $" ('{title}')";
            throw Invalid(export, $"The {export.Name} export is an HTML page{named} " +
                $"instead of {expected}.");
        }

        return export.Format switch
        {
            ExportFormat.Xlsx when found == "zip" => VerifyWorkbook(path, export),
            ExportFormat.Pdf when found == "pdf" => VerifyPdfEnd(path, export),
            _ => throw Invalid(export, $"The {export.Name} export is {Describe(found)} instead of {expected}."),
        };
    }

    /// <summary>The media type a file's first bytes show, or null when unknown.</summary>
    public static string? ContentTypeOf(ReadOnlySpan<byte> head) => Sniff(head) switch
    {
        "zip" => XlsxContentType,
        "pdf" => PdfContentType,
        "html" => "text/html",
        _ => null,
    };

    private static string VerifyWorkbook(string path, ExportDefinition export)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            if (zip.GetEntry("xl/workbook.xml") is null)
            {
                throw Invalid(export,
                    $"The {export.Name} export is a zip file without xl/workbook.xml, not an xlsx workbook.");
            }

            // Reading the workbook part end to end catches a file cut short inside its entries.
            using var workbook = zip.GetEntry("xl/workbook.xml")!.Open();
            workbook.CopyTo(Stream.Null);
        }
        catch (InvalidDataException ex)
        {
            throw Invalid(export,
                $"The {export.Name} export is not a readable xlsx workbook (damaged zip: {ex.Message}).", ex);
        }

        return XlsxContentType;
    }

    private static string VerifyPdfEnd(string path, ExportDefinition export)
    {
        using var file = File.OpenRead(path);
        var length = (int)Math.Min(TailBytes, file.Length);
        file.Seek(-length, SeekOrigin.End);
        var tail = new byte[length];
        file.ReadExactly(tail);

        return tail.AsSpan().IndexOf("%%EOF"u8) >= 0
            ? PdfContentType
            : throw Invalid(export, $"The {export.Name} export is a PDF cut short: it has no %%EOF end marker.");
    }

    private static string? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("PK\u0003\u0004"u8))
        {
            return "zip";
        }

        if (head.StartsWith("%PDF-"u8))
        {
            return "pdf";
        }

        var text = Encoding.UTF8.GetString(head).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');

        return text.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("<head", StringComparison.OrdinalIgnoreCase)
                ? "html"
                : null;
    }

    private static string Describe(string? found) => found switch
    {
        "zip" => "a zip (xlsx) file",
        "pdf" => "a PDF",
        _ => "of an unknown kind",
    };

    private static byte[] ReadHead(string path, int count)
    {
        using var file = File.OpenRead(path);
        var head = new byte[Math.Min(count, file.Length)];
        file.ReadExactly(head);

        return head;
    }

    private static string? TitleOf(string html)
    {
        var match = TitlePattern().Match(html);

        return match.Success ? match.Groups[1].Value.Trim() : null;
    }

    private static BackendException Invalid(ExportDefinition export, string message, Exception? inner = null) =>
        new(BackendFailure.InvalidFile,
            message + " A transfer cut short does this: retried; if it keeps happening, download the export by hand " +
            "and open it to see what the panel sends.",
            inner, export.Name);

    [GeneratedRegex(@"<title[^>]*>([^<]{1,120})", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex TitlePattern();
}

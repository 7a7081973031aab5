using System.Text;
using Andalan.Functions.Exports;

namespace Andalan.Functions.Documents;

/// <summary>What a file is, by its first bytes rather than its name: a PDF, an xlsx (zip), or something else.</summary>
internal static class FileSignature
{
    private const int Probe = 1024;

    public static ExportFormat Detect(Stream content)
    {
        var start = content.Position;
        var buffer = new byte[Probe];
        var length = content.ReadAtLeast(buffer, Probe, throwOnEndOfStream: false);
        content.Position = start;
        var head = buffer.AsSpan(0, length);

        if (length == 0)
        {
            throw new DocumentException(DocumentErrorKind.Empty, "The file is empty (0 bytes): expected a PDF or xlsx export.");
        }

        if (head.IndexOf("%PDF-"u8) >= 0)
        {
            CheckPdfEnd(content);

            return ExportFormat.Pdf;
        }

        if (head.StartsWith("PK\u0003\u0004"u8))
        {
            return ExportFormat.Xlsx;
        }

        if (head.StartsWith("PK\u0005\u0006"u8))
        {
            throw new DocumentException(DocumentErrorKind.Empty, "The file is an empty zip archive: expected an xlsx workbook.");
        }

        if (head.StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }))
        {
            throw new DocumentException(DocumentErrorKind.Encrypted,
                "The file is an OLE compound document: a password-protected workbook or an old .xls. " +
                "Expected an unprotected xlsx.");
        }

        throw new DocumentException(DocumentErrorKind.NotATable,
            $"The file is not a PDF or an xlsx workbook: expected '%PDF-' or a zip header, found {Describe(head)}.");
    }

    /// <summary>A cut-off download lacks the end-of-file marker a PDF writer always puts last.</summary>
    private static void CheckPdfEnd(Stream content)
    {
        var start = content.Position;
        var tail = new byte[Math.Min(content.Length - start, Probe)];
        content.Position = content.Length - tail.Length;
        content.ReadExactly(tail);
        content.Position = start;
        if (tail.AsSpan().IndexOf("%%EOF"u8) < 0)
        {
            throw new DocumentException(DocumentErrorKind.Truncated,
                $"The PDF is cut off: its last {tail.Length} bytes have no %%EOF end marker ({content.Length:N0} bytes " +
                "in all). Expected a complete file; download it again.");
        }
    }

    private static string Describe(ReadOnlySpan<byte> head)
    {
        var text = Encoding.UTF8.GetString(head).TrimStart('\uFEFF', ' ', '\r', '\n', '\t');
        if (text.StartsWith('<') && text.Contains("<html", StringComparison.OrdinalIgnoreCase))
        {
            var title = text.IndexOf("<title>", StringComparison.OrdinalIgnoreCase);
            var end = title < 0 ? -1 : text.IndexOf("</title>", title, StringComparison.OrdinalIgnoreCase);

            return end > title && title >= 0
                ? $"an HTML page titled '{text[(title + 7)..end].Trim()}'"
                : "an HTML page";
        }

        var preview = new StringBuilder();
        foreach (var c in text.Take(40))
        {
            preview.Append(char.IsControl(c) || c == '\uFFFD' ? '.' : c);
        }

        return $"{head.Length} bytes starting '{preview}'";
    }
}

using Andalan.Sandbox.Data;
using Andalan.Sandbox.Faults;

namespace Andalan.Sandbox.Reports;

/// <summary>
/// Renders the files the panel's export buttons send: transactions as an xlsx from a streaming SpreadsheetML
/// writer, point transactions as a portrait PDF from PdfPig's builder, users as a landscape PDF from PDFsharp.
/// Two PDF producers on purpose: a reader that only copes with one layout fails here first.
/// </summary>
public sealed class ReportRenderer(PanelStore store)
{
    public const string Transactions = "transactions";
    public const string PointTransactions = "point_transactions";
    public const string Users = "users";

    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private const string PdfType = "application/pdf";

    /// <summary>The exports this renderer makes (coin payments are built by the page itself).</summary>
    public static IReadOnlyList<string> Exports { get; } = [Transactions, PointTransactions, Users];

    /// <summary>
    /// Renders <paramref name="export"/> for the dates from <paramref name="from"/> to <paramref name="to"/> (users
    /// ignore them), spoiled as <paramref name="fault"/> says.
    /// </summary>
    /// <exception cref="ArgumentException">The export is not one this renderer makes.</exception>
    /// <exception cref="InvalidOperationException">
    /// The fault is <see cref="ExportFault.ServerError"/>, which the web layer answers.
    /// </exception>
    public ReportFile Render(string export, DateOnly? from, DateOnly? to, ExportFault fault)
    {
        ArgumentNullException.ThrowIfNull(export);
        if (fault == ExportFault.ServerError)
        {
            throw new InvalidOperationException("A server error is the web layer's fault to answer with 500, not a file.");
        }

        var now = store.Now;
        var period = new ReportPeriod(from, to, DateOnly.FromDateTime(now));
        var layout = new ReportLayout(
            now, period, Empty: fault == ExportFault.Empty, RenamedColumn: fault == ExportFault.RenamedColumn);
        var file = export switch
        {
            Transactions => new ReportFile(
                $"transaksi_{period.FileSuffix}.xlsx", XlsxType,
                TransactionsWorkbook.Write(layout.Empty ? [] : store.Transactions(from, to), layout)),
            PointTransactions => new ReportFile(
                $"poin_{period.FileSuffix}.pdf", PdfType,
                PointTransactionsPdf.Write(layout.Empty ? [] : store.PointTransactions(from, to), layout)),
            Users => new ReportFile(
                $"member_{period.To:yyyy-MM-dd}.pdf", PdfType, UsersPdf.Write(layout.Empty ? [] : store.Users(), layout)),
            _ => throw new ArgumentException(
                $"Unknown export '{export}'. Known: {string.Join(", ", Exports)}.", nameof(export)),
        };

        return fault switch
        {
            ExportFault.Corrupt => file with { Content = CutShort(file.Content) },
            ExportFault.Oversized => file with { Content = Padded(file.Content) },
            _ => file,
        };
    }

    /// <summary>How many blank bytes the oversized fault adds to a file.</summary>
    public const int OversizedPaddingBytes = 3 * 1024 * 1024;

    private static byte[] Padded(byte[] content)
    {
        var padded = new byte[content.Length + OversizedPaddingBytes];
        content.CopyTo(padded, 0);
        padded.AsSpan(content.Length).Fill((byte)' ');

        return padded;
    }

    /// <summary>The file as a download broken off half way: neither zip directory nor PDF trailer survive.</summary>
    private static byte[] CutShort(byte[] content) => content[..(content.Length / 2)];
}

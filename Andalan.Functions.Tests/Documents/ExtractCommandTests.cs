using Andalan.Functions.Cli;

namespace Andalan.Functions.Tests.Documents;

/// <summary>The extract verb as a shell runs it: CSV on stdout, problems on stderr, an exit code.</summary>
public sealed class ExtractCommandTests
{
    [Fact]
    public async Task RunAsync_Workbook_PrintsCanonicalCsvAndReportsRejectedRows()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await ExtractCommand.RunAsync(
            ["--export", "transactions", DocumentFiles.PathOf("transactions_datatables.xlsx")], output, error);

        Assert.Equal(0, exit);
        Assert.Equal(File.ReadAllText(DocumentFiles.PathOf("transactions_datatables.expected.csv")), output.ToString());
        Assert.Contains("rejected: row 43, column 'Tanggal' (transaction_at): '31/02/2025 10:00'", error.ToString(),
            StringComparison.Ordinal);
        Assert.Contains("warning: column 'Kasir'", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Raw_PrintsTheTableAsTheDocumentShowsIt()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await ExtractCommand.RunAsync(
            ["--export", "users", DocumentFiles.PathOf("users_wkhtmltopdf.pdf"), "--raw"], output, error);

        var lines = output.ToString().Split("\r\n");
        Assert.Equal(0, exit);
        Assert.Equal("ID User,Nama,Email,No. HP,Tgl Daftar,Level,Total Poin,Koin,Status", lines[0]);
        Assert.StartsWith("USR-10000,Rina Marlina,", lines[1], StringComparison.Ordinal);
        Assert.Contains(",17 Maret 2024,Gold,100.250,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_UnknownExport_ListsTheKnownOnes()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await ExtractCommand.RunAsync(["--export", "orders", "x.pdf"], output, error);

        Assert.Equal(2, exit);
        Assert.Contains("transactions, point_transactions, users, coin_payments", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(output.ToString());
    }

    [Fact]
    public async Task RunAsync_UnreadableFile_ExitsNonZeroWithTheReason()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await ExtractCommand.RunAsync(
            ["--export", "coin_payments", DocumentFiles.PathOf("scanned.pdf")], output, error);

        Assert.Equal(1, exit);
        Assert.Contains("it is a scan", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_MissingFile_ExplainsUsage()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await ExtractCommand.RunAsync(["--export", "users"], output, error);

        Assert.Equal(2, exit);
        Assert.Contains("Usage: extract --export NAME FILE [--raw]", error.ToString(), StringComparison.Ordinal);
    }
}

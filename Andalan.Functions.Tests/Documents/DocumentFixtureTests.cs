namespace Andalan.Functions.Tests.Documents;

/// <summary>Real documents from several producers read into exactly the records they hold.</summary>
public sealed class DocumentFixtureTests
{
    [Theory]
    [InlineData("coin_payments_positioned.pdf", "coin_payments")]
    [InlineData("point_transactions_chromium_grid.pdf", "point_transactions")]
    [InlineData("point_transactions_wkhtmltopdf.pdf", "point_transactions")]
    [InlineData("users_chromium_landscape.pdf", "users")]
    [InlineData("users_wkhtmltopdf.pdf", "users")]
    [InlineData("transactions_closedxml.xlsx", "transactions")]
    public void Read_CommittedDocument_GivesExactlyTheExpectedRecords(string file, string exportName)
    {
        var export = DocumentFiles.Exports.Get(exportName);
        var expected = File.ReadAllText(DocumentFiles.PathOf(Path.ChangeExtension(file, ".expected.csv")));

        var result = DocumentFiles.Reader().Read(DocumentFiles.PathOf(file), export);

        Assert.Empty(result.Rejected);
        Assert.Equal(expected, DocumentFiles.Csv(export, result.Records));
        Assert.Equal(result.Records.Count, result.RowsRead);
    }

    [Fact]
    public void Read_DataTablesWorkbook_RejectsTheBadRowsAndKeepsTheRest()
    {
        var export = DocumentFiles.Exports.Get("transactions");
        var expected = File.ReadAllText(DocumentFiles.PathOf("transactions_datatables.expected.csv"));

        var result = DocumentFiles.Reader().Read(DocumentFiles.PathOf("transactions_datatables.xlsx"), export);

        Assert.Equal(expected, DocumentFiles.Csv(export, result.Records));
        Assert.Equal(42, result.RowsRead);
        Assert.Collection(result.Rejected,
            bad =>
            {
                Assert.Equal((43, "Tanggal", "transaction_at", "31/02/2025 10:00"), (bad.Row, bad.Column, bad.Field, bad.Value));
                Assert.Contains("not a date", bad.Reason, StringComparison.Ordinal);
            },
            duplicate =>
            {
                Assert.Equal((44, "invoice_no", "INV/2025/09/01000"), (duplicate.Row, duplicate.Field, duplicate.Value));
                Assert.Equal("repeats the key of row 3", duplicate.Reason);
            });
        Assert.Equal(["column 'Kasir' is not in the schema of 'transactions' and is ignored"], result.Warnings);
    }

    [Fact]
    public void Read_PdfWithUnknownColumnAndRowNumbers_WarnsOnlyAboutTheUnknownColumn()
    {
        var export = DocumentFiles.Exports.Get("users");

        var result = DocumentFiles.Reader().Read(DocumentFiles.PathOf("users_chromium_landscape.pdf"), export);

        Assert.Equal(["column 'Kota' is not in the schema of 'users' and is ignored"], result.Warnings);
        Assert.Equal(4, result.Pages);
    }

    [Fact]
    public void ReadRaw_PositionedPdf_ShowsTheTableAsPrinted()
    {
        var export = DocumentFiles.Exports.Get("coin_payments");

        var table = DocumentFiles.Reader().ReadRaw(DocumentFiles.PathOf("coin_payments_positioned.pdf"), export);

        Assert.Equal(["No", "ID Pembayaran", "Tanggal", "Nama User", "No. Invoice", "Koin", "Nominal", "Status"],
            table.Header);
        Assert.Equal(120, table.Rows.Count);
        Assert.Equal("Ni Luh Putu Ayu Sri Wahyuni", table.Rows[1][3]);
        Assert.Equal(["16", "PK-2025-000115", "07 Sep 2025 12:46", "Yohanes (Yoyo) Tanjung", "INV/2025/09/10828",
            "-1.250", "(Rp 312.500)", "Refund"], table.Rows[15]);
    }

    [Fact]
    public void Read_RenamedColumnWithAlias_FindsTheColumnByItsAlias()
    {
        var export = DocumentFiles.Exports.Get("coin_payments");
        var renamed = new Andalan.Functions.Exports.ExportDefinition
        {
            Name = export.Name,
            Key = export.Key,
            Tab = export.Tab,
            Fields = [.. export.Fields.Select(f => f.Name == "amount"
                ? new Andalan.Functions.Exports.FieldDefinition
                {
                    Name = f.Name, Type = f.Type, Label = "Jumlah Bayar", Aliases = ["NOMINAL (Rp)", "nominal"],
                }
                : f)],
        };

        var result = DocumentFiles.Reader().Read(DocumentFiles.PathOf("coin_payments_positioned.pdf"), renamed);

        Assert.Equal(120, result.Records.Count);
        Assert.Equal(250_000L, result.Records[0].Values[5]);
    }
}

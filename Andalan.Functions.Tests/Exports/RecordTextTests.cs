using Andalan.Functions.Exports;

namespace Andalan.Functions.Tests.Exports;

/// <summary>Canonical record text: the value formats and CSV quoting of ARCHITECTURE.md.</summary>
public sealed class RecordTextTests
{
    [Fact]
    public void WriteCsv_EveryValueType_WritesTheCanonicalText()
    {
        var export = new ExportDefinition
        {
            Name = "sample",
            Key = "id",
            Fields =
            [
                new FieldDefinition { Name = "id", Label = "ID" },
                new FieldDefinition { Name = "at", Type = FieldType.DateTime, Label = "Tanggal" },
                new FieldDefinition { Name = "on", Type = FieldType.Date, Label = "Tgl" },
                new FieldDefinition { Name = "amount", Type = FieldType.Rupiah, Label = "Nominal" },
                new FieldDefinition { Name = "note", Label = "Keterangan" },
            ],
        };
        ExportRecord[] records =
        [
            new(2, ["A-1", new DateTime(2025, 9, 14, 8, 15, 0), new DateOnly(987, 1, 2), -150L, "say \"hi\", then go"]),
            new(3, ["A-2", null, null, 1_250_000L, "=1+1"]),
        ];
        using var writer = new StringWriter();

        RecordText.WriteCsv(writer, export, records);

        Assert.Equal(
            "id,at,on,amount,note\r\n" +
            "A-1,2025-09-14T08:15:00,0987-01-02,-150,\"say \"\"hi\"\", then go\"\r\n" +
            "A-2,,,1250000,=1+1\r\n",
            writer.ToString());
        Assert.Equal("2025-09-14T08:15:00", RecordText.Format(new DateTime(2025, 9, 14, 8, 15, 0)));
        Assert.Equal("0987-01-02", RecordText.Format(new DateOnly(987, 1, 2)));
    }
}

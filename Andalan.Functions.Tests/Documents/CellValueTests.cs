using Andalan.Functions.Documents.Records;
using Andalan.Functions.Exports;

namespace Andalan.Functions.Tests.Documents;

/// <summary>Values as Indonesian admin panels print them, turned into record values.</summary>
public sealed class CellValueTests
{
    [Theory]
    [InlineData("Rp 1.250.000", 1_250_000L)]
    [InlineData("Rp1.250.000,00", 1_250_000L)]
    [InlineData("1.250.000", 1_250_000L)]
    [InlineData("1250000", 1_250_000L)]
    [InlineData("IDR 1,250,000.00", 1_250_000L)]
    [InlineData("Rp. 50.000", 50_000L)]
    [InlineData("-Rp 50.000", -50_000L)]
    [InlineData("Rp -50.000", -50_000L)]
    [InlineData("(Rp 312.500)", -312_500L)]
    [InlineData("Rp\u00a01.250", 1_250L)]
    [InlineData("0", 0L)]
    public void TryConvert_RupiahText_GivesWholeRupiah(string text, long expected)
    {
        var ok = CellValue.TryConvert(text, FieldType.Rupiah, out var value, out var reason);

        Assert.True(ok, reason);
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("1.250", 1_250L)]
    [InlineData("-150", -150L)]
    [InlineData("(150)", -150L)]
    [InlineData("\u2212150", -150L)]
    [InlineData("+25", 25L)]
    [InlineData(" 12 ", 12L)]
    public void TryConvert_IntegerText_GivesTheNumber(string text, long expected)
    {
        var ok = CellValue.TryConvert(text, FieldType.Integer, out var value, out var reason);

        Assert.True(ok, reason);
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("12a")]
    [InlineData("1.25")]
    [InlineData("12,5")]
    [InlineData("1.2.3")]
    [InlineData("Rp 1.250")]
    [InlineData("--5")]
    public void TryConvert_NotAWholeNumber_IsRejected(string text)
    {
        var ok = CellValue.TryConvert(text, FieldType.Integer, out _, out var reason);

        Assert.False(ok);
        Assert.NotEmpty(reason);
    }

    [Theory]
    [InlineData("14/09/2025 08:15", "2025-09-14T08:15:00")]
    [InlineData("2025-09-14 08:15:00", "2025-09-14T08:15:00")]
    [InlineData("2025-09-14T08:15:30", "2025-09-14T08:15:30")]
    [InlineData("14 Sep 2025 08:15", "2025-09-14T08:15:00")]
    [InlineData("14-09-2025 08:15", "2025-09-14T08:15:00")]
    [InlineData("14-09-2025 08.15", "2025-09-14T08:15:00")]
    [InlineData("3 Agu 2025 23:59", "2025-08-03T23:59:00")]
    [InlineData("3 Ags 2025 23:59", "2025-08-03T23:59:00")]
    [InlineData("1 Mei 2025 07:00 WIB", "2025-05-01T07:00:00")]
    [InlineData("12 Okt 2025 10:00", "2025-10-12T10:00:00")]
    [InlineData("25 Des 2025 10:00", "2025-12-25T10:00:00")]
    [InlineData("Senin, 14 September 2025 08:15", "2025-09-14T08:15:00")]
    [InlineData("14 Februari 2025, 08:15", "2025-02-14T08:15:00")]
    public void TryConvert_DateTimeText_GivesPanelLocalTime(string text, string expected)
    {
        var ok = CellValue.TryConvert(text, FieldType.DateTime, out var value, out var reason);

        Assert.True(ok, reason);
        Assert.Equal(expected, RecordText.Format(value));
    }

    [Theory]
    [InlineData("14/09/2025", "2025-09-14")]
    [InlineData("2025-09-14", "2025-09-14")]
    [InlineData("14 Agustus 2025", "2025-08-14")]
    [InlineData("1 Januari 2024", "2024-01-01")]
    [InlineData("5 Nov 2023", "2023-11-05")]
    [InlineData("14 Sep 2025 08:15", "2025-09-14")]
    public void TryConvert_DateText_GivesTheDay(string text, string expected)
    {
        var ok = CellValue.TryConvert(text, FieldType.Date, out var value, out var reason);

        Assert.True(ok, reason);
        Assert.Equal(expected, RecordText.Format(value));
    }

    [Theory]
    [InlineData("31/02/2025 10:00")]
    [InlineData("14/09/2025")]
    [InlineData("14 Foo 2025 08:15")]
    [InlineData("25:00 14/09/2025")]
    public void TryConvert_NotADateTime_IsRejected(string text)
    {
        Assert.False(CellValue.TryConvert(text, FieldType.DateTime, out _, out _));
    }

    [Fact]
    public void TryConvert_ExcelSerialDate_RoundsToTheSecond()
    {
        var excel = DateTime.FromOADate(new DateTime(2025, 9, 14, 8, 15, 0).ToOADate() - 0.000001);

        CellValue.TryConvert(excel, FieldType.DateTime, out var value, out _);

        Assert.Equal("2025-09-14T08:15:00", RecordText.Format(value));
    }

    [Theory]
    [InlineData("=SUM(A1:A9)")]
    [InlineData("+62 812 3456")]
    [InlineData("@budi")]
    public void TryConvert_FormulaLookingText_StaysVerbatim(string text)
    {
        CellValue.TryConvert(text, FieldType.Text, out var value, out _);

        Assert.Equal(text, value);
    }

    [Fact]
    public void TryConvert_TextWithRunsOfWhiteSpace_IsTrimmedAndFolded()
    {
        CellValue.TryConvert("  Raden Ajeng\n Kartika \t Sari ", FieldType.Text, out var value, out _);

        Assert.Equal("Raden Ajeng Kartika Sari", value);
    }

    [Fact]
    public void TryConvert_WorkbookNumberInTextField_KeepsItsDigits()
    {
        CellValue.TryConvert(81234567890d, FieldType.Text, out var value, out _);

        Assert.Equal("81234567890", value);
    }
}

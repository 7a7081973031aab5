using Andalan.Functions.Exports;

namespace Andalan.Functions.Tests.Sheets;

/// <summary>Typed transaction records as the readers hand them over, with values that trip spreadsheets up.</summary>
internal static class TransactionRecords
{
    private static readonly string[] Stores =
        ["Cabang Bandung", "Cabang Surabaya", "Cabang Jakarta Selatan", "Cabang Medan"];

    private static readonly string[] Names =
        ["Siti Rahayu", "Budi Santoso", "Dewi Lestari", "Agus Wijaya", "Rina Marlina"];

    public static List<ExportRecord> Create(int count, int start = 1)
    {
        var records = new List<ExportRecord>(count);
        for (var i = start; i < start + count; i++)
        {
            records.Add(new ExportRecord(i + 1, new object?[]
            {
                $"INV/2025/09/{i:D6}",
                new DateTime(2025, 9, 14, 8, 15, 0, DateTimeKind.Unspecified).AddMinutes(i * 7).AddSeconds(i % 60),
                Names[i % Names.Length],
                i % 7 == 0 ? null : $"08{(812_000_000 + i):D10}"[..12],
                Stores[i % Stores.Length],
                (long)(15_000 + (i * 1_250 % 2_500_000)),
                (long)(i % 13) - 2,
                i % 3 == 0 ? "QRIS" : "Tunai",
                i % 5 == 0 ? "Pending" : "Selesai",
            }));
        }

        return records;
    }

    public static ExportRecord With(ExportRecord record, int field, object? value)
    {
        var values = record.Values.ToArray();
        values[field] = value;

        return record with { Values = values };
    }
}

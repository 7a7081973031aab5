namespace Andalan.Sandbox.Sheets;

/// <summary>Sheets' date serial numbers: days since 1899-12-30, the fraction being the time of day.</summary>
public static class SerialDate
{
    public static readonly DateTime Epoch = new(1899, 12, 30, 0, 0, 0, DateTimeKind.Unspecified);

    public static double FromDateTime(DateTime value) => (value - Epoch).TotalDays;

    public static DateTime ToDateTime(double serial) =>
        Epoch.AddMilliseconds(Math.Round(serial * 86_400_000d));
}

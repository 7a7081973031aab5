using System.Globalization;

namespace Andalan.Sandbox.Panel;

/// <summary>How the panel's HTML pages print values: Indonesian digit grouping and day-first dates.</summary>
internal static class PanelFormat
{
    public const string IsoDate = "yyyy-MM-dd";

    public static string Rupiah(long amount) => amount < 0 ? "-Rp " + Number(-amount) : "Rp " + Number(amount);

    /// <summary>Thousands grouped with dots, as id-ID prints them, without relying on the host's ICU data.</summary>
    public static string Number(long value) =>
        value.ToString("#,0", CultureInfo.InvariantCulture).Replace(',', '.');

    public static string DateTime(DateTime at) => at.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string Iso(DateOnly date) => date.ToString(IsoDate, CultureInfo.InvariantCulture);
}

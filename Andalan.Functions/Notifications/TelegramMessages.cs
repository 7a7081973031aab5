using System.Globalization;
using System.Text;

namespace Andalan.Functions.Notifications;

/// <summary>
/// The operators' messages, in Indonesian and Telegram HTML. Every value from outside the template is
/// escaped; times are shown in Western Indonesia Time (WIB).
/// </summary>
public static class TelegramMessages
{
    private const int CauseLimit = 600;

    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    private static readonly TimeZoneInfo Jakarta = FindJakarta();

    public static string RunStarted(RunStartedNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var text = new StringBuilder()
            .Append("🚀 <b>Ekspor Andalan dimulai</b>").Append(notice.DryRun ? " (uji coba, sheet tidak ditulis)" : "")
            .Append("\nRun: <code>").Append(TelegramHtml.Escape(notice.RunId)).Append("</code>")
            .Append("\nPemicu: ").Append(TelegramHtml.Escape(TriggerName(notice.Trigger)))
            .Append("\nMulai: ").Append(Time(notice.StartedAt))
            .Append("\nEkspor (").Append(notice.Exports.Count.ToString(Indonesian)).Append("): ")
            .Append(TelegramHtml.Escape(string.Join(", ", notice.Exports)));

        return text.ToString();
    }

    public static string ExportResult(ExportReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var title = $"<b>{TelegramHtml.Escape(report.Export)}</b> → tab <b>{TelegramHtml.Escape(report.Tab)}</b>";
        var text = new StringBuilder();
        if (report.Succeeded)
        {
            text.Append("✅ ").Append(title).Append(": berhasil");
            if (report.Recovered)
            {
                text.Append(" (pulih pada percobaan ke-").Append(Number(report.Attempts)).Append(')');
            }

            text.Append('\n').Append(Counts(
                report.RowsRead, report.NewRows, report.Updated, report.Unchanged, report.Rejected));
            if (report.Rejected > 0)
            {
                text.Append("\n⚠️ ").Append(Number(report.Rejected)).Append(" baris ditolak karena tidak valid");
            }
        }
        else
        {
            text.Append("❌ ").Append(title).Append(": gagal pada percobaan ke-").Append(Number(report.Attempts))
                .Append("\nPenyebab: ").Append(Cause(report.Cause))
                .Append('\n').Append(report.RetryFollows ? "🔁 Akan dicoba lagi." : "⛔ Tidak dicoba lagi.");
        }

        text.Append("\nWaktu: ").Append(Duration(report.Duration));

        return text.ToString();
    }

    public static string RunSummary(RunSummaryReport summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var exports = summary.Exports;
        var icon = summary.SucceededCount == exports.Count && exports.Count > 0 ? "✅"
            : summary.SucceededCount == 0 ? "❌" : "⚠️";
        var text = new StringBuilder()
            .Append(icon).Append(" <b>Ringkasan run</b> <code>").Append(TelegramHtml.Escape(summary.RunId))
            .Append("</code>")
            .Append("\nBerhasil: ").Append(Number(summary.SucceededCount)).Append(" dari ").Append(Number(exports.Count))
            .Append(" ekspor (").Append(Percent(summary.SuccessRate)).Append(')')
            .Append("\nTotal: ").Append(Counts(
                exports.Sum(e => e.RowsRead), exports.Sum(e => e.NewRows), exports.Sum(e => e.Updated),
                exports.Sum(e => e.Unchanged), exports.Sum(e => e.Rejected)))
            .Append("\nMulai: ").Append(Time(summary.StartedAt)).Append(" · durasi ").Append(Duration(summary.Duration));
        foreach (var export in exports)
        {
            text.Append('\n').Append(export.Succeeded ? "✅ " : "❌ ").Append(TelegramHtml.Escape(export.Export))
                .Append(": ");
            if (!export.Succeeded)
            {
                text.Append(Cause(export.Cause));
                continue;
            }

            text.Append("baru ").Append(Number(export.NewRows)).Append(" · diperbarui ").Append(Number(export.Updated))
                .Append(" · tetap ").Append(Number(export.Unchanged));
            if (export.Rejected > 0)
            {
                text.Append(" · ditolak ").Append(Number(export.Rejected));
            }

            if (export.Recovered)
            {
                text.Append(" (pulih pada percobaan ke-").Append(Number(export.Attempts)).Append(')');
            }
        }

        if (summary.StatusUrl is { } url && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp))
        {
            var href = TelegramHtml.Escape(url.AbsoluteUri);
            text.Append("\nDetail run: <a href=\"").Append(href).Append("\">").Append(href).Append("</a>");
        }

        return text.ToString();
    }

    /// <summary>A duration as Indonesians say it: "12,4 detik", "1 menit 5 detik", "2 jam 3 menit".</summary>
    public static string Duration(TimeSpan duration)
    {
        if (duration < TimeSpan.FromMinutes(1))
        {
            return duration.TotalSeconds.ToString("0.#", Indonesian) + " detik";
        }

        return duration < TimeSpan.FromHours(1)
            ? $"{Number((int)duration.TotalMinutes)} menit {Number(duration.Seconds)} detik"
            : $"{Number((int)duration.TotalHours)} jam {Number(duration.Minutes)} menit";
    }

    private static string Counts(int read, int added, int updated, int unchanged, int rejected) =>
        $"Dibaca {Number(read)} baris · baru {Number(added)} · diperbarui {Number(updated)} · " +
        $"tetap {Number(unchanged)} · ditolak {Number(rejected)}";

    private static string Number(int value) => value.ToString("N0", Indonesian);

    private static string Percent(double rate) => (rate * 100).ToString("0", Indonesian) + "%";

    private static string Time(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Jakarta).ToString("d MMM yyyy HH:mm", Indonesian) + " WIB";

    private static string Cause(string? cause)
    {
        if (string.IsNullOrWhiteSpace(cause))
        {
            return "tidak diketahui";
        }

        var oneLine = string.Join(' ', cause.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

        return TelegramHtml.Escape(oneLine.Length > CauseLimit ? oneLine[..CauseLimit] + "…" : oneLine);
    }

    private static string TriggerName(string trigger) => trigger.ToUpperInvariant() switch
    {
        "TIMER" or "SCHEDULE" => "jadwal",
        "MANUAL" or "HTTP" => "manual (permintaan operator)",
        "CLI" => "baris perintah",
        _ => trigger,
    };

    private static TimeZoneInfo FindJakarta()
    {
        // Jakarta has kept UTC+7 without daylight saving since 1964, so a fixed zone is exact where the
        // system has no time zone data.
        return TimeZoneInfo.TryFindSystemTimeZoneById("Asia/Jakarta", out var zone)
            ? zone
            : TimeZoneInfo.CreateCustomTimeZone("WIB", TimeSpan.FromHours(7), "WIB", "WIB");
    }
}

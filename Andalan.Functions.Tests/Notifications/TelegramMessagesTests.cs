using System.Globalization;
using Andalan.Functions.Notifications;
using Andalan.Sandbox.Telegram;

namespace Andalan.Functions.Tests.Notifications;

public sealed class TelegramMessagesTests
{
    private static readonly DateTimeOffset MorningRun = DateTimeOffset.Parse("2025-09-14T01:00:05Z", CultureInfo.InvariantCulture);

    [Fact]
    public void RunStarted_TimerRun_SaysWhenInWibAndWhichExports()
    {
        var notice = new RunStartedNotice("run-20250914-0800", "timer", ["transactions", "users"], MorningRun);

        var text = Plain(TelegramMessages.RunStarted(notice));

        Assert.Equal(
            "🚀 Ekspor Andalan dimulai\nRun: run-20250914-0800\nPemicu: jadwal\nMulai: 14 Sep 2025 08.00 WIB\n" +
            "Ekspor (2): transactions, users",
            text);
    }

    [Fact]
    public void ExportResult_Success_ShowsEveryCountInIndonesianFormat()
    {
        var report = new ExportReport("transactions", "Transaksi", true, 2_000, 15, 3, 1_982, 0, TimeSpan.FromSeconds(12.4));

        var text = Plain(TelegramMessages.ExportResult(report));

        Assert.Equal(
            "✅ transactions → tab Transaksi: berhasil\n" +
            "Dibaca 2.000 baris · baru 15 · diperbarui 3 · tetap 1.982 · ditolak 0\nWaktu: 12,4 detik",
            text);
    }

    [Fact]
    public void ExportResult_FailureWithMarkupInCause_EscapesItAndSaysARetryFollows()
    {
        var report = new ExportReport(
            "users", "Pengguna", false, 0, 0, 0, 0, 0, TimeSpan.FromSeconds(3), "Kolom <No. HP> & \"Email\" tidak ada",
            RetryFollows: true, Attempts: 1);

        var html = TelegramMessages.ExportResult(report);

        Assert.Contains("Kolom &lt;No. HP&gt; &amp; &quot;Email&quot; tidak ada", html, StringComparison.Ordinal);
        Assert.Equal(
            "❌ users → tab Pengguna: gagal pada percobaan ke-1\nPenyebab: Kolom <No. HP> & \"Email\" tidak ada\n" +
            "🔁 Akan dicoba lagi.\nWaktu: 3 detik",
            Plain(html));
    }

    [Fact]
    public void ExportResult_SuccessOnSecondAttempt_SaysItRecovered()
    {
        var report = new ExportReport("coin_payments", "Koin", true, 600, 600, 0, 0, 2, TimeSpan.FromSeconds(75), Attempts: 2);

        var text = Plain(TelegramMessages.ExportResult(report));

        Assert.StartsWith("✅ coin_payments → tab Koin: berhasil (pulih pada percobaan ke-2)", text, StringComparison.Ordinal);
        Assert.Contains("⚠️ 2 baris ditolak karena tidak valid", text, StringComparison.Ordinal);
        Assert.EndsWith("Waktu: 1 menit 15 detik", text, StringComparison.Ordinal);
    }

    [Fact]
    public void RunSummary_OneOfFourFailed_GivesTotalsRateDurationAndWhereToLook()
    {
        var summary = new RunSummaryReport(
            "run-1", MorningRun, TimeSpan.FromSeconds(83),
            [
                new ExportReport("transactions", "Transaksi", true, 2_000, 10, 5, 1_985, 0, TimeSpan.FromSeconds(10)),
                new ExportReport("point_transactions", "Poin", true, 1_500, 20, 0, 1_480, 0, TimeSpan.FromSeconds(20)),
                new ExportReport("users", "Pengguna", false, 0, 0, 0, 0, 0, TimeSpan.FromSeconds(5), "Login ditolak"),
                new ExportReport("coin_payments", "Koin", true, 600, 0, 1, 598, 1, TimeSpan.FromSeconds(8)),
            ],
            new Uri("https://andalan-func.azurewebsites.net/api/runs/run-1"));

        var html = TelegramMessages.RunSummary(summary);

        Assert.Equal(
            "⚠️ Ringkasan run run-1\nBerhasil: 3 dari 4 ekspor (75%)\n" +
            "Total: Dibaca 4.100 baris · baru 30 · diperbarui 6 · tetap 4.063 · ditolak 1\n" +
            "Mulai: 14 Sep 2025 08.00 WIB · durasi 1 menit 23 detik\n" +
            "✅ transactions: baru 10 · diperbarui 5 · tetap 1.985\n" +
            "✅ point_transactions: baru 20 · diperbarui 0 · tetap 1.480\n" +
            "❌ users: Login ditolak\n" +
            "✅ coin_payments: baru 0 · diperbarui 1 · tetap 598 · ditolak 1\n" +
            "Detail run: https://andalan-func.azurewebsites.net/api/runs/run-1",
            Plain(html));
        Assert.Contains("<a href=\"https://andalan-func.azurewebsites.net/api/runs/run-1\">", html, StringComparison.Ordinal);
    }

    private static string Plain(string html) => TelegramHtmlParser.Parse(html).PlainText;
}

using System.Globalization;
using Andalan.Functions.Storage;

namespace Andalan.Functions.Tests.Dashboard;

/// <summary>
/// A run history with what a dashboard must show: successes, a partly failed run with retries and evidence,
/// a run that recovered, a wholly failed run, a run going now and one older than the charts' 30 days.
/// </summary>
internal static class SampleHistory
{
    /// <summary>The page's "now": 4 Dec 2026 10.00 WIB.</summary>
    public static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-12-04T03:00:00Z", CultureInfo.InvariantCulture);

    public const string LoginError = "Login ditolak: <b>password</b> salah & akun \"admin\" dikunci";

    public const string MaintenanceError = "Panel sedang pemeliharaan (halaman 503)";

    public static readonly string[] Evidence =
    [
        "20261203-180000-b2/users/users-failure-20261203T110012345Z.png",
        "20261203-180000-b2/users/users-failure-20261203T110012345Z.html",
    ];

    public static IReadOnlyList<RunRecord> Runs() =>
    [
        new("20261204-095500-a0", "manual", Now.AddMinutes(-5), RunStatus.Running),
        Run("20261204-080000-a1", Now.AddHours(-2), RunStatus.Succeeded, 75,
            Ok("transactions", 2_000, 15, 12.4), Ok("users", 500, 2, 3.2)),
        Run("20261203-180000-b2", Now.AddHours(-16), RunStatus.PartlyFailed, 140,
            Ok("transactions", 1_950, 10, 11.8),
            new RunExportRecord("users", false, 0, 0, 0, 0, 0, 2, TimeSpan.FromSeconds(48), LoginError,
                Files: Evidence,
                Retries:
                [
                    new RunAttemptRecord("download", 1, "Timeout 30000ms exceeded waiting for #export", true),
                    new RunAttemptRecord("download", 2, LoginError, false),
                ],
                Evidence: Evidence)),
        Run("20261203-080000-c3", Now.AddHours(-26), RunStatus.Succeeded, 90,
            Ok("transactions", 1_900, 40, 30.5) with
            {
                Attempts = 2,
                Retries = [new RunAttemptRecord("import", 1, "Sheets API 503 Service Unavailable", true)],
            },
            Ok("users", 480, 1, 2.9)),
        Run("20261202-180000-d4", Now.AddHours(-40), RunStatus.Failed, 60,
            Failed("transactions", MaintenanceError, 20), Failed("users", MaintenanceError, 19)),
        Run("20261125-080000-e5", Now.AddDays(-9).AddHours(-2), RunStatus.Succeeded, 70,
            Ok("transactions", 1_500, 1_500, 14.1), Ok("users", 450, 450, 3.0)),
        Run("20261020-080000-f6", Now.AddDays(-45), RunStatus.Succeeded, 65,
            Ok("transactions", 900, 900, 10.0), Ok("users", 300, 300, 2.5)),
    ];

    private static RunRecord Run(
        string id, DateTimeOffset startedAt, RunStatus status, double seconds, params RunExportRecord[] exports) =>
        new(id, "timer", startedAt, status, startedAt.AddSeconds(seconds), exports);

    private static RunExportRecord Ok(string export, int rows, int added, double seconds) =>
        new(export, true, rows, added, 0, rows - added, 0, 1, TimeSpan.FromSeconds(seconds),
            Files: [$"run/{export}/{export}.bin"]);

    private static RunExportRecord Failed(string export, string error, double seconds) =>
        new(export, false, 0, 0, 0, 0, 0, 1, TimeSpan.FromSeconds(seconds), error);
}

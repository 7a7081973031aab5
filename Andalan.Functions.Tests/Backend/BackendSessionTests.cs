using System.Globalization;
using System.Security.Cryptography;
using Andalan.Functions.Backend;
using Andalan.Functions.Tests.Fixtures;
using Andalan.Sandbox.Faults;
using ClosedXML.Excel;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Xunit.Abstractions;

namespace Andalan.Functions.Tests.Backend;

[Collection(PanelBrowserGroup.Name)]
public sealed class BackendSessionTests(SandboxFixture fixture, ITestOutputHelper output) : IAsyncLifetime
{
    private readonly FakeLogger<BackendSession> _logger = new();
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("andalan-backend-");
    private BackendSession? _session;

    private BackendSession Session => _session ??= BackendTestSupport.Session(
        BackendTestSupport.OptionsFor(fixture.Sandbox), _logger);

    public Task InitializeAsync()
    {
        fixture.Sandbox.Faults.Reset();
        fixture.Sandbox.Calls.Clear();

        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_session is not null)
        {
            await _session.DisposeAsync();
        }

        fixture.Sandbox.Faults.Reset();
        _folder.Delete(recursive: true);
        foreach (var record in _logger.Collector.GetSnapshot())
        {
            output.WriteLine($"{record.Timestamp:HH:mm:ss.fff} {record.Level} {record.Id.Id} {record.Message}");
        }
    }

    [Fact]
    public async Task DownloadAsync_AllFourExports_SavesCheckedFilesAfterOneLogin()
    {
        var files = new List<DownloadedFile>();

        foreach (var export in BackendTestSupport.Exports.All)
        {
            files.Add(await Session.DownloadAsync(export, _folder.FullName, CancellationToken.None));
        }

        Assert.Equal(
            ["coin_payments", "point_transactions", "transactions", "users"], files.Select(f => f.Export).Order());
        foreach (var file in files)
        {
            var content = await File.ReadAllBytesAsync(file.Path);
            Assert.Equal(file.Size, content.Length);
            Assert.True(file.Size > 4_000, $"{file.FileName} is only {file.Size} bytes");
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), file.Sha256);
            Assert.Equal(file.Export == "transactions" ? ExportFileCheck.XlsxContentType : ExportFileCheck.PdfContentType,
                file.ContentType);
        }

        Assert.Null(files.Single(f => f.Export == "users").Window);
        Assert.Equal(1, Session.Logins);
        Assert.Equal(1, LoginPosts());
        // The first download started the browser and logged in, and says how long each took; the others waited
        // for neither.
        Assert.InRange(files[0].BrowserStart, TimeSpan.FromMilliseconds(1), files[0].Duration);
        Assert.InRange(files[0].Login, TimeSpan.FromMilliseconds(1), files[0].Duration - files[0].BrowserStart);
        Assert.All(files.Skip(1), f => Assert.Equal((TimeSpan.Zero, TimeSpan.Zero), (f.BrowserStart, f.Login)));
        // Chromium took the request to free memory after each closed tab: the login's and the four exports'.
        var records = _logger.Collector.GetSnapshot();
        Assert.Equal(5, records.Count(r => r.Id.Id == 1020));
        Assert.DoesNotContain(records, r => r.Id.Id == 1021);
    }

    [Fact]
    public async Task DownloadAsync_TrimBrowserMemoryOff_NeverAsksChromiumToFreeMemory()
    {
        var logger = new FakeLogger<BackendSession>();
        await using var session = BackendTestSupport.Session(
            BackendTestSupport.OptionsFor(fixture.Sandbox, o => o.TrimBrowserMemory = false), logger);

        var file = await session.DownloadAsync(
            BackendTestSupport.Exports.Get("users"), _folder.FullName, CancellationToken.None);

        Assert.True(file.Size > 4_000);
        Assert.DoesNotContain(logger.Collector.GetSnapshot(), r => r.Id.Id is 1020 or 1021);
    }

    [Fact]
    public async Task DownloadAsync_Transactions_HoldsOnlyRowsInsideTheWindow()
    {
        var file = await Session.DownloadAsync(
            BackendTestSupport.Exports.Get("transactions"), _folder.FullName, CancellationToken.None);

        var window = file.Window!;
        Assert.Equal(6, window.To.DayNumber - window.From.DayNumber);
        var dates = TransactionDates(file.Path);
        Assert.NotEmpty(dates);
        Assert.All(dates, d => Assert.InRange(d, window.From, window.To));
    }

    [Fact]
    public async Task DownloadAsync_CoinPayments_CapturesThePdfBuiltInThePage()
    {
        var file = await Session.DownloadAsync(
            BackendTestSupport.Exports.Get("coin_payments"), _folder.FullName, CancellationToken.None);

        Assert.Equal(ExportFileCheck.PdfContentType, file.ContentType);
        Assert.EndsWith(".pdf", file.FileName, StringComparison.Ordinal);
        var panelCalls = fixture.Sandbox.Calls.Calls(SandboxService.Panel);
        Assert.Contains(panelCalls, c => c.Path.StartsWith("/reports/coin-payments/data", StringComparison.Ordinal));
        Assert.DoesNotContain(panelCalls, c => c.Path.StartsWith("/reports/coin-payments/export", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DownloadAsync_SessionExpiresBetweenExports_LogsInAgainOnceAndCarriesOn()
    {
        await Session.DownloadAsync(BackendTestSupport.Exports.Get("users"), _folder.FullName, CancellationToken.None);
        fixture.Sandbox.Faults.Panel.SessionsValidFrom = TimeProvider.System.GetUtcNow();

        var file = await Session.DownloadAsync(
            BackendTestSupport.Exports.Get("transactions"), _folder.FullName, CancellationToken.None);

        Assert.True(file.Size > 0);
        Assert.Equal(2, Session.Logins);
        Assert.Equal(2, LoginPosts());
        Assert.Contains(_logger.Collector.GetSnapshot(), r => r.Id.Id == 1003 && r.Level == LogLevel.Warning);
        Assert.Contains(_logger.Collector.GetSnapshot(), r => r.Id.Id == 1004 && r.Level == LogLevel.Warning);
    }

    [Fact]
    public async Task DownloadAsync_SessionExpiresBeforeTheBlobExport_LogsInAgainOnce()
    {
        await Session.EnsureLoggedInAsync(CancellationToken.None);
        fixture.Sandbox.Faults.Panel.SessionsValidFrom = TimeProvider.System.GetUtcNow();

        var file = await Session.DownloadAsync(
            BackendTestSupport.Exports.Get("coin_payments"), _folder.FullName, CancellationToken.None);

        Assert.Equal(ExportFileCheck.PdfContentType, file.ContentType);
        Assert.Equal(2, LoginPosts());
    }

    [Fact]
    public async Task DownloadAsync_RefusedLogin_FailsAtOnceAndNeverPostsAgain()
    {
        fixture.Sandbox.Faults.Panel.RefuseLogins = true;
        var password = fixture.Sandbox.Credentials.PanelPassword;

        var first = await Assert.ThrowsAsync<BackendException>(() =>
            Session.DownloadAsync(BackendTestSupport.Exports.Get("users"), _folder.FullName, CancellationToken.None));
        var second = await Assert.ThrowsAsync<BackendException>(() =>
            Session.DownloadAsync(BackendTestSupport.Exports.Get("transactions"), _folder.FullName, CancellationToken.None));

        Assert.Equal(BackendFailure.LoginRefused, first.Kind);
        Assert.False(first.IsRetryable);
        Assert.Contains("These credentials do not match our records.", first.Message, StringComparison.Ordinal);
        Assert.Equal(BackendFailure.LoginRefused, second.Kind);
        Assert.Equal(1, LoginPosts());
        var html = Assert.Single(first.Evidence, e => e.EndsWith(".html", StringComparison.Ordinal));
        var evidence = await File.ReadAllTextAsync(html);
        Assert.Contains("login-form", evidence, StringComparison.Ordinal);
        Assert.Contains(EvidenceRedactor.Mask, evidence, StringComparison.Ordinal);
        Assert.DoesNotContain(password, evidence, StringComparison.Ordinal);
        AssertNoSecretLogged(password);
    }

    [Fact]
    public async Task DownloadAsync_ServerErrorOnExport_IsTransientWithCleanEvidence()
    {
        fixture.Sandbox.Faults.Panel.Exports["users"] = ExportFault.ServerError;

        var failure = await Assert.ThrowsAsync<BackendException>(() =>
            Session.DownloadAsync(BackendTestSupport.Exports.Get("users"), _folder.FullName, CancellationToken.None));

        Assert.Equal(BackendFailure.Transient, failure.Kind);
        Assert.True(failure.IsRetryable);
        Assert.Contains("HTTP 500", failure.Message, StringComparison.Ordinal);
        Assert.Equal("users", failure.Export);
        Assert.Equal(2, failure.Evidence.Count);
        Assert.All(failure.Evidence, e => Assert.Contains(e, failure.Message, StringComparison.Ordinal));
        var png = await File.ReadAllBytesAsync(failure.Evidence.Single(e => e.EndsWith(".png", StringComparison.Ordinal)));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        var html = await File.ReadAllTextAsync(failure.Evidence.Single(e => e.EndsWith(".html", StringComparison.Ordinal)));
        Assert.Contains("Server Error", html, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.Sandbox.Credentials.PanelPassword, html, StringComparison.Ordinal);
        AssertNoSecretLogged(fixture.Sandbox.Credentials.PanelPassword);
    }

    [Fact]
    public async Task DownloadAsync_ServerErrorOnTheBlobExport_IsTransient()
    {
        fixture.Sandbox.Faults.Panel.Exports["coin_payments"] = ExportFault.ServerError;

        var failure = await Assert.ThrowsAsync<BackendException>(() =>
            Session.DownloadAsync(BackendTestSupport.Exports.Get("coin_payments"), _folder.FullName, CancellationToken.None));

        Assert.Equal(BackendFailure.Transient, failure.Kind);
        Assert.Contains("HTTP 500", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DownloadAsync_CorruptFile_IsInvalidAndKeptAsEvidence()
    {
        fixture.Sandbox.Faults.Panel.Exports["transactions"] = ExportFault.Corrupt;

        var failure = await Assert.ThrowsAsync<BackendException>(() =>
            Session.DownloadAsync(BackendTestSupport.Exports.Get("transactions"), _folder.FullName, CancellationToken.None));

        Assert.Equal(BackendFailure.InvalidFile, failure.Kind);
        Assert.Contains(failure.Evidence, e => e.EndsWith(".rejected", StringComparison.Ordinal) && File.Exists(e));
        Assert.Empty(_folder.GetFiles("*.xlsx"));
    }

    [Fact]
    public async Task DownloadAsync_Maintenance_SaysSoWithWhenToRetry()
    {
        await Session.EnsureLoggedInAsync(CancellationToken.None);
        fixture.Sandbox.Faults.Panel.Maintenance = true;

        var failure = await Assert.ThrowsAsync<BackendException>(() =>
            Session.DownloadAsync(BackendTestSupport.Exports.Get("users"), _folder.FullName, CancellationToken.None));

        Assert.Equal(BackendFailure.Maintenance, failure.Kind);
        Assert.True(failure.IsRetryable);
        Assert.Equal(TimeSpan.FromSeconds(60), failure.RetryAfter);
    }

    [Fact]
    public async Task DownloadAsync_ButtonSelectorWrong_SaysWhichSelectorOnWhichPage()
    {
        var export = BackendTestSupport.Export("users", page => page.ExportButton = "#btn-unduh");

        var failure = await Assert.ThrowsAsync<BackendException>(() =>
            Session.DownloadAsync(export, _folder.FullName, CancellationToken.None));

        Assert.Equal(BackendFailure.PageChanged, failure.Kind);
        Assert.False(failure.IsRetryable);
        Assert.Equal("#btn-unduh", failure.Selector);
        Assert.Contains("'#btn-unduh'", failure.Message, StringComparison.Ordinal);
        Assert.Contains("/reports/users", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DownloadAsync_LandingPageImageNeverLoads_LogsInWithoutWaitingForIt()
    {
        // Like a dashboard whose CDN does not answer: its document is complete, one image is not.
        fixture.Sandbox.Faults.Panel.DashboardStall = DashboardStall.Image;
        fixture.Sandbox.Faults.Panel.DashboardStalls = 1;
        _session = BackendTestSupport.Session(
            BackendTestSupport.OptionsFor(fixture.Sandbox, o => o.LoginTimeout = TimeSpan.FromSeconds(8)), _logger);

        var file = await Session.DownloadAsync(
            BackendTestSupport.Exports.Get("users"), _folder.FullName, CancellationToken.None);

        Assert.True(file.Size > 4_000);
        Assert.Equal(1, LoginPosts());
    }

    [Fact]
    public async Task DownloadAsync_LoginWentThroughButItsPageTimedOut_NextDownloadCarriesOnLoggedIn()
    {
        // The login is accepted, but the page it lands on stalls past the login timeout.
        fixture.Sandbox.Faults.Panel.DashboardStall = DashboardStall.Document;
        fixture.Sandbox.Faults.Panel.DashboardStalls = 1;
        fixture.Sandbox.Faults.Panel.DashboardStallTime = TimeSpan.FromSeconds(20);
        _session = BackendTestSupport.Session(
            BackendTestSupport.OptionsFor(fixture.Sandbox, o => o.LoginTimeout = TimeSpan.FromSeconds(3)), _logger);
        var users = BackendTestSupport.Exports.Get("users");

        var failure = await Assert.ThrowsAsync<BackendException>(() =>
            Session.DownloadAsync(users, _folder.FullName, CancellationToken.None));
        var file = await Session.DownloadAsync(users, _folder.FullName, CancellationToken.None);

        Assert.Equal(BackendFailure.Transient, failure.Kind);
        Assert.True(failure.IsRetryable);
        Assert.True(file.Size > 4_000);
        // The second download found the session logged in and did not send the credentials again.
        Assert.Equal(1, LoginPosts());
        Assert.Equal(1, Session.Logins);
        Assert.Contains(_logger.Collector.GetSnapshot(), r => r.Id.Id == 1017);
    }

    [Fact]
    public async Task DownloadAsync_ConcurrentCallers_ShareOneLogin()
    {
        var exports = new[] { "users", "point_transactions", "transactions" }.Select(BackendTestSupport.Exports.Get);

        var files = await Task.WhenAll(
            exports.Select(e => Session.DownloadAsync(e, _folder.FullName, CancellationToken.None)));

        Assert.Equal(3, files.Select(f => f.Path).Distinct().Count());
        Assert.Equal(1, LoginPosts());
    }

    private int LoginPosts() =>
        fixture.Sandbox.Calls.Calls(SandboxService.Panel).Count(c => c.Method == "POST" && c.Path == "/login");

    private void AssertNoSecretLogged(string password)
    {
        foreach (var record in _logger.Collector.GetSnapshot())
        {
            Assert.DoesNotContain(password, record.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(password, record.Exception?.ToString() ?? string.Empty, StringComparison.Ordinal);
        }
    }

    private static List<DateOnly> TransactionDates(string path)
    {
        using var workbook = new XLWorkbook(path);
        var sheet = workbook.Worksheets.First();
        var header = sheet.RowsUsed().First(r => r.CellsUsed().Any(c => c.GetString().Trim() == "Tanggal"));
        var column = header.CellsUsed().First(c => c.GetString().Trim() == "Tanggal").Address.ColumnNumber;
        var dates = new List<DateOnly>();
        foreach (var row in sheet.RowsUsed().Where(r => r.RowNumber() > header.RowNumber()))
        {
            var cell = row.Cell(column);
            if (cell.DataType == XLDataType.DateTime)
            {
                dates.Add(DateOnly.FromDateTime(cell.GetDateTime()));
            }
            else if (DateTime.TryParseExact(cell.GetString().Trim(),
                ["dd/MM/yyyy HH:mm", "dd/MM/yyyy HH:mm:ss", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "dd-MM-yyyy HH:mm"],
                CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                dates.Add(DateOnly.FromDateTime(parsed));
            }
        }

        return dates;
    }
}

using Andalan.Functions.Tests.Fixtures;
using Andalan.Sandbox.Faults;
using Andalan.Sandbox.Reports;
using Microsoft.Extensions.DependencyInjection;

namespace Andalan.Functions.Tests.Documents;

/// <summary>
/// The sandbox panel's own export files (its xlsx writer and its two PDF producers) read back into exactly the
/// records the sandbox holds, as its truth endpoint tells them.
/// </summary>
public sealed class SandboxReportTests : IAsyncLifetime
{
    private Andalan.Sandbox.Hosting.SandboxInstance? _sandbox;

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxFixture.StartAsync(o =>
        {
            o.Transactions = 300;
            o.PointTransactions = 250;
            o.Users = 200;
            o.CoinPayments = 50;
        });
    }

    public async Task DisposeAsync()
    {
        if (_sandbox is not null)
        {
            await _sandbox.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("transactions")]
    [InlineData("point_transactions")]
    [InlineData("users")]
    public async Task Read_SandboxExport_GivesTheSandboxRecords(string exportName)
    {
        var file = _sandbox!.Services.GetRequiredService<ReportRenderer>().Render(exportName, null, null, ExportFault.None);
        using var http = new HttpClient { BaseAddress = _sandbox.Addresses.BaseUrl };
        var truth = await http.GetStringAsync(new Uri($"/_sandbox/truth/{exportName}", UriKind.Relative));
        var export = DocumentFiles.Exports.Get(exportName);
        using var content = new MemoryStream(file.Content);

        var result = DocumentFiles.Reader().Read(content, export);

        Assert.Empty(result.Rejected);
        Assert.Equal(truth.ReplaceLineEndings("\r\n"), DocumentFiles.Csv(export, result.Records));
    }

    [Fact]
    public void Read_SandboxRenamedColumn_NamesTheMissingColumn()
    {
        var file = _sandbox!.Services.GetRequiredService<ReportRenderer>()
            .Render("users", null, null, ExportFault.RenamedColumn);
        using var content = new MemoryStream(file.Content);

        var error = Assert.Throws<Andalan.Functions.Documents.DocumentException>(() =>
            DocumentFiles.Reader().Read(content, DocumentFiles.Exports.Get("users")));

        Assert.Contains(error.Kind, new[]
        {
            Andalan.Functions.Documents.DocumentErrorKind.MissingColumns,
            Andalan.Functions.Documents.DocumentErrorKind.HeaderNotFound,
        });
    }
}

using Andalan.Functions.Storage;
using Andalan.Functions.Tests.Fixtures;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Andalan.Functions.Tests.Storage;

public sealed class StorageRegistrationTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task StartHost_NoStorageConnection_StopsNamingTheSettings()
    {
        using var host = Host(new() { ["AzureWebJobsStorage"] = "" });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("set AzureWebJobsStorage to a connection string", error.Message, StringComparison.Ordinal);
        Assert.Contains(
            "AzureWebJobsStorage__blobServiceUri and AzureWebJobsStorage__tableServiceUri",
            error.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartHost_BadContainerName_StopsNamingTheRule()
    {
        using var host = Host(new()
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Andalan:Storage:ArchiveContainer"] = "Arsip_Ekspor",
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("ArchiveContainer must be 3-63 lower-case letters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddStorage_ConnectionString_ArchivesAndRecordsOnTheAccount()
    {
        using var host = Host(new()
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Andalan:Storage:ArchiveContainer"] = $"registered-{Guid.NewGuid():N}",
        });
        await host.StartAsync();
        var archive = host.Services.GetRequiredService<ExportArchive>();
        var history = host.Services.GetRequiredService<RunHistory>();
        using var content = new MemoryStream([7, 7, 7]);

        var stored = await archive.StoreAsync("run-r", "users", "u.pdf", content, "application/pdf");
        await history.SaveAsync(new RunRecord("run-r", "manual", DateTimeOffset.UtcNow, RunStatus.Running));

        Assert.Single(await archive.ListAsync("run-r"));
        Assert.Equal(RunStatus.Running, (await history.GetAsync("run-r"))!.Status);
        Assert.Equal(3, stored.Size);
        await host.StopAsync();
    }

    private static IHost Host(Dictionary<string, string?> settings)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddStorage();

        return builder.Build();
    }
}

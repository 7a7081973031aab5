using System.Net;
using System.Net.Sockets;
using Andalan.Functions.Secrets;
using Andalan.Functions.Tests.Fixtures;
using Andalan.Sandbox.Hosting;
using Andalan.Sandbox.KeyVault;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Andalan.Functions.Tests.Secrets;

[Collection(VaultSandboxDefinition.Name)]
public sealed class SecretsConfigurationTests(VaultSandboxFixture fixture)
{
    private static readonly string[] SecretSettings =
    [
        "Andalan__Panel__Username", "Andalan__Panel__Password", "Andalan__Sheets__ServiceAccountJson",
        "Andalan__Telegram__BotToken",
    ];

    private SandboxInstance Sandbox => fixture.Sandbox;

    [Fact]
    public void AddAndalanSecrets_SandboxVault_LoadsSecretsUnderConfigurationKeys()
    {
        var builder = new ConfigurationBuilder().AddInMemoryCollection(SettingsWithoutSecrets());

        var configuration = builder.AddAndalanSecrets().Build();

        Assert.Equal(Sandbox.Values["Andalan__Panel__Username"], configuration["Andalan:Panel:Username"]);
        Assert.Equal(Sandbox.Values["Andalan__Panel__Password"], configuration["Andalan:Panel:Password"]);
        Assert.Equal(Sandbox.Values["Andalan__Sheets__ServiceAccountJson"], configuration["Andalan:Sheets:ServiceAccountJson"]);
        Assert.Equal(Sandbox.Values["Andalan__Telegram__BotToken"], configuration["Andalan:Telegram:BotToken"]);
        RequiredSecrets.Validate(configuration);
    }

    [Fact]
    public void AddAndalanSecrets_RotatedSecret_NextStartReadsTheNewValue()
    {
        var name = $"Andalan--Rotation--{Guid.NewGuid():N}";
        Sandbox.Vault().Set(name, "versi-1");
        var before = new ConfigurationBuilder().AddInMemoryCollection(SettingsWithoutSecrets()).AddAndalanSecrets().Build();

        Sandbox.Vault().Set(name, "versi-2");
        var after = new ConfigurationBuilder().AddInMemoryCollection(SettingsWithoutSecrets()).AddAndalanSecrets().Build();

        var key = SecretNames.ToConfigurationKey(name);
        Assert.Equal("versi-1", before[key]);
        Assert.Equal("versi-2", after[key]);
        Sandbox.Vault().Delete(name);
    }

    [Fact]
    public void AddAndalanSecrets_NoVaultUri_KeepsLocalSettings()
    {
        var settings = Settings(Sandbox.Values);
        settings["Andalan:KeyVault:VaultUri"] = string.Empty;

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).AddAndalanSecrets().Build();

        Assert.Equal(Sandbox.Values["Andalan__Panel__Password"], configuration["Andalan:Panel:Password"]);
        Assert.Single(((IConfigurationRoot)configuration).Providers);
    }

    [Fact]
    public void AddAndalanSecrets_VaultUnreachable_ThrowsSayingWhichVaultAndWhatToCheck()
    {
        var settings = SettingsWithoutSecrets();
        var closed = $"https://127.0.0.1:{ClosedPort()}/";
        settings["Andalan:KeyVault:VaultUri"] = closed;

        var error = Assert.Throws<SecretsUnavailableException>(
            () => new ConfigurationBuilder().AddInMemoryCollection(settings).AddAndalanSecrets().Build());

        Assert.StartsWith(
            $"Key Vault {closed} could not be read at start-up: it could not be reached (",
            error.Message,
            StringComparison.Ordinal);
        Assert.Contains("Check that Andalan__KeyVault__VaultUri is right", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartHost_SecretMissingFromVaultAndSettings_StopsNamingItAndNoValue()
    {
        var deleted = Sandbox.Vault().Get("Andalan--Telegram--BotToken")!;
        Sandbox.Vault().Delete(deleted.Name);
        try
        {
            var builder = Host.CreateApplicationBuilder();
            builder.Configuration.AddInMemoryCollection(SettingsWithoutSecrets()).AddAndalanSecrets();
            builder.Services.AddSecrets();
            using var host = builder.Build();

            var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

            Assert.Equal(
                "Missing secret Andalan:Telegram:BotToken: set it in Key Vault as Andalan--Telegram--BotToken " +
                "or as the setting Andalan__Telegram__BotToken",
                Assert.Single(error.Failures));
            foreach (var setting in SecretSettings)
            {
                Assert.DoesNotContain(Sandbox.Values[setting], error.Message, StringComparison.Ordinal);
            }
        }
        finally
        {
            Sandbox.Vault().Set(deleted.Name, deleted.Value);
        }
    }

    [Fact]
    public async Task Preflight_SandboxVault_PassesAndCountsSecrets()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(SettingsWithoutSecrets()).AddAndalanSecrets().Build();
        var preflight = new SecretsPreflight(configuration, TimeProvider.System);

        var results = await preflight.CheckAsync(CancellationToken.None);

        Assert.All(results, r => Assert.True(r.Passed, r.Detail));
        Assert.Equal(["key vault", "secrets"], results.Select(r => r.Check));
        Assert.Equal("4 required secrets set (from Key Vault " + Sandbox.Addresses.VaultUrl + " or settings)", results[1].Detail);
    }

    [Fact]
    public async Task Preflight_VaultUnreachable_FailsWithoutThrowing()
    {
        var settings = Settings(Sandbox.Values);
        settings["Andalan:KeyVault:VaultUri"] = $"https://127.0.0.1:{ClosedPort()}/";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        var results = await new SecretsPreflight(configuration, TimeProvider.System).CheckAsync(CancellationToken.None);

        Assert.False(results[0].Passed);
        Assert.Contains("could not be reached", results[0].Detail, StringComparison.Ordinal);
        Assert.True(results[1].Passed);
    }

    private Dictionary<string, string?> SettingsWithoutSecrets() =>
        Settings(Sandbox.Values.Where(p => !SecretSettings.Contains(p.Key)));

    private static Dictionary<string, string?> Settings(IEnumerable<KeyValuePair<string, string>> values) =>
        values.ToDictionary(p => p.Key.Replace("__", ":", StringComparison.Ordinal), p => (string?)p.Value);

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();

        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

using System.Net;
using System.Text.Json;
using Andalan.Functions.Tests.Fixtures;
using Andalan.Sandbox.Faults;

namespace Andalan.Functions.Tests.Sandbox;

public sealed class SandboxHostingTests
{
    [Fact]
    public async Task StartAsync_WithSettingsFile_WritesAppSettingsWithFreshCredentials()
    {
        var file = Path.Combine(Path.GetTempPath(), $"andalan-settings-{Guid.NewGuid():N}.json");

        await using var first = await SandboxFixture.StartAsync(o => o.SettingsFile = file);
        await using var second = await SandboxFixture.StartAsync();

        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(file));
        var values = document.RootElement.GetProperty("Values");
        Assert.Equal(first.Addresses.BaseUrl.ToString(), values.GetProperty("Andalan__Panel__BaseUrl").GetString());
        Assert.StartsWith("https://127.0.0.1:", values.GetProperty("Andalan__KeyVault__VaultUri").GetString(), StringComparison.Ordinal);
        Assert.NotEqual(first.Values["Andalan__Panel__Password"], second.Values["Andalan__Panel__Password"]);
        Assert.NotEqual(first.Values["Andalan__Telegram__BotToken"], second.Values["Andalan__Telegram__BotToken"]);
        Assert.Matches("^[0-9]{9}:AA[A-Za-z0-9_-]{35}$", first.Values["Andalan__Telegram__BotToken"]);
        File.Delete(file);
    }

    [Fact]
    public async Task FaultSwitch_FailNextTwo_FailsTwoCallsThenPasses()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        using var http = new HttpClient { BaseAddress = sandbox.Addresses.BaseUrl };
        using var body = new StringContent("""{"failNext":2,"status":503}""", System.Text.Encoding.UTF8, "application/json");
        (await http.PostAsync("/_sandbox/faults/panel", body)).EnsureSuccessStatusCode();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await http.GetAsync("/login");
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, statuses[0]);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, statuses[1]);
        Assert.NotEqual(HttpStatusCode.ServiceUnavailable, statuses[2]);
        Assert.Equal(3, sandbox.Calls.Calls(SandboxService.Panel).Count);
    }
}

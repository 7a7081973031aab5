using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Andalan.Functions.Secrets;
using Andalan.Functions.Tests.Fixtures;
using Andalan.Sandbox.Faults;
using Andalan.Sandbox.Hosting;
using Andalan.Sandbox.KeyVault;
using Azure;
using Azure.Identity;
using Azure.Security.KeyVault.Secrets;

namespace Andalan.Functions.Tests.Sandbox;

[Collection(VaultSandboxDefinition.Name)]
public sealed class KeyVaultEndpointsTests(VaultSandboxFixture fixture)
{
    private SandboxInstance Sandbox => fixture.Sandbox;

    [Fact]
    public async Task GetSecret_WithoutBearer_Answers401ChallengeNamingKeyVault()
    {
        using var http = TrustingClient();

        var uri = new Uri(Sandbox.Addresses.VaultUrl, "secrets/Andalan--Panel--Password?api-version=7.6");

        using var response = await http.GetAsync(uri);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = response.Headers.WwwAuthenticate.ToString();
        Assert.StartsWith("Bearer authorization=\"https://login.microsoftonline.com/", challenge, StringComparison.Ordinal);
        Assert.Contains("resource=\"https://vault.azure.net\"", challenge, StringComparison.Ordinal);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Unauthorized", body.RootElement.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task GetSecret_BearerNotIssuedByIdentityEndpoint_Answers401()
    {
        using var http = TrustingClient();
        using var request = new HttpRequestMessage(
            HttpMethod.Get, new Uri(Sandbox.Addresses.VaultUrl, "secrets/Andalan--Panel--Password?api-version=7.6"));
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "forged");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task SecretClient_ManagedIdentityCredential_ReadsSeededSecretsAfterChallenge()
    {
        var client = Client();

        var password = await client.GetSecretAsync("Andalan--Panel--Password");
        var token = await client.GetSecretAsync("Andalan--Telegram--BotToken");

        Assert.Equal(Sandbox.Values["Andalan__Panel__Password"], password.Value.Value);
        Assert.Equal(Sandbox.Values["Andalan__Telegram__BotToken"], token.Value.Value);
        Assert.Contains(Sandbox.Calls.Calls(SandboxService.Identity), c => c.Status == 200);
        Assert.Contains(Sandbox.Calls.Calls(SandboxService.KeyVault), c => c.Status == 401);
    }

    [Fact]
    public async Task GetSecret_Missing_Throws404SecretNotFound()
    {
        var client = Client();

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => client.GetSecretAsync("Andalan--Nothing--Here"));

        Assert.Equal(404, error.Status);
        Assert.Equal("SecretNotFound", error.ErrorCode);
    }

    [Fact]
    public async Task GetSecret_AfterRotation_LatestIsNewAndOldVersionStaysReadable()
    {
        var client = Client();
        var name = $"Rotation-{Guid.NewGuid():N}";
        var first = Sandbox.Vault().Set(name, "lama");
        using var http = new HttpClient { BaseAddress = Sandbox.Addresses.BaseUrl };
        var control = new Uri($"/_sandbox/vault/secrets/{name}", UriKind.Relative);
        using var put = await http.PutAsJsonAsync(control, new { value = "baru" });
        put.EnsureSuccessStatusCode();

        var latest = await client.GetSecretAsync(name);
        var old = await client.GetSecretAsync(name, first.Version);

        Assert.Equal("baru", latest.Value.Value);
        Assert.Equal("lama", old.Value.Value);
        Assert.Equal(first.Version, old.Value.Properties.Version);
    }

    [Fact]
    public async Task GetPropertiesOfSecrets_MoreThanOnePage_FollowsNextLink()
    {
        var client = Client();
        var prefix = $"Page-{Guid.NewGuid():N}";
        for (var i = 0; i < 30; i++)
        {
            Sandbox.Vault().Set($"{prefix}-{i}", "x");
        }

        var names = new List<string>();
        await foreach (var properties in client.GetPropertiesOfSecretsAsync())
        {
            names.Add(properties.Name);
        }

        Assert.Equal(30, names.Count(n => n.StartsWith(prefix, StringComparison.Ordinal)));
        Assert.Contains("Andalan--Sheets--ServiceAccountJson", names);
        Assert.Contains(Sandbox.Calls.Calls(SandboxService.KeyVault), c => c.Path.Contains("skiptoken", StringComparison.Ordinal));
    }

    [Fact]
    public async Task IdentityEndpoint_WrongHeader_IsRefused()
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(
            HttpMethod.Get, new Uri(Sandbox.Addresses.IdentityUrl, "?resource=https://vault.azure.net&api-version=2019-08-01"));
        request.Headers.Add("X-IDENTITY-HEADER", "wrong");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private SecretClient Client() => VaultClients.Create(
        new KeyVaultOptions
        {
            VaultUri = Sandbox.Addresses.VaultUrl,
            TrustedCertificatePath = Sandbox.Values["Andalan__KeyVault__TrustedCertificatePath"],
        },
        new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned),
        TimeProvider.System);

    private HttpClient TrustingClient()
    {
        var certificate = Sandbox.Credentials.TlsCertificate.RawData;
        var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback =
            (_, presented, _, _) => presented is not null && presented.GetRawCertData().AsSpan().SequenceEqual(certificate);

        return new HttpClient(handler);
    }
}

using Andalan.Functions.Sheets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Andalan.Functions.Tests.Sheets;

public sealed class SheetsOptionsTests
{
    [Fact]
    public void AddSheets_KeyWithoutPrivateKey_FailsNamingTheMemberNotTheSecret()
    {
        const string Secret = "do-not-print-this-value";
        var json = $$"""
            {"type":"service_account","client_email":"x@y.iam.gserviceaccount.com","private_key_id":"{{Secret}}",
             "token_uri":"https://oauth2.googleapis.com/token"}
            """;
        using var services = Build(new Dictionary<string, string?>
        {
            ["Andalan:Sheets:SpreadsheetId"] = "sheet",
            ["Andalan:Sheets:ServiceAccountJson"] = json,
        });

        var failure = Assert.Throws<OptionsValidationException>(() => Options(services));

        Assert.Contains("ServiceAccountJson has no \"private_key\".", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddSheets_MissingSpreadsheetIdAndNonJsonKey_FailsWithBoth()
    {
        using var key = System.Security.Cryptography.RSA.Create(2048);
        var pem = key.ExportPkcs8PrivateKeyPem();
        using var services = Build(new Dictionary<string, string?>
        {
            ["Andalan:Sheets:ServiceAccountJson"] = pem,
        });

        var failure = Assert.Throws<OptionsValidationException>(() => Options(services));

        Assert.Contains("SpreadsheetId", failure.Message, StringComparison.Ordinal);
        Assert.Contains("is not valid JSON", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(pem.Split('\n')[1], failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE KEY", failure.Message, StringComparison.Ordinal);
    }

    private static SheetsOptions Options(ServiceProvider services) =>
        services.GetRequiredService<IOptions<SheetsOptions>>().Value;

    private static ServiceProvider Build(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddSheets()
            .BuildServiceProvider();
}

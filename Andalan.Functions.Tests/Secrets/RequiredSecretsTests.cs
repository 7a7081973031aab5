using Andalan.Functions.Secrets;
using Microsoft.Extensions.Configuration;

namespace Andalan.Functions.Tests.Secrets;

public sealed class RequiredSecretsTests
{
    [Fact]
    public void Validate_SomeMissing_NamesEachWhereToSetItAndNoValue()
    {
        var configuration = Configuration(new()
        {
            ["Andalan:Panel:Username"] = "admin-rahasia",
            ["Andalan:Sheets:ServiceAccountJson"] = "{\"private_key\":\"kunci-rahasia\"}",
        });

        var error = Assert.Throws<MissingSecretException>(() => RequiredSecrets.Validate(configuration));

        Assert.Equal(["Andalan:Panel:Password", "Andalan:Telegram:BotToken"], error.MissingKeys);
        Assert.Contains(
            "Missing secret Andalan:Panel:Password: set it in Key Vault as Andalan--Panel--Password or as the " +
            "setting Andalan__Panel__Password",
            error.Message,
            StringComparison.Ordinal);
        Assert.DoesNotContain("admin-rahasia", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("kunci-rahasia", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TelegramDisabled_DoesNotRequireTheBotToken()
    {
        var configuration = Configuration(new()
        {
            ["Andalan:Panel:Username"] = "u",
            ["Andalan:Panel:Password"] = "p",
            ["Andalan:Sheets:ServiceAccountJson"] = "{}",
            ["Andalan:Telegram:Enabled"] = "false",
        });

        var missing = RequiredSecrets.Missing(configuration);

        Assert.Empty(missing);
    }

    [Fact]
    public void Missing_WebhookEnabledWithoutItsUrl_NamesTheUrlSecret()
    {
        var configuration = Configuration(new()
        {
            ["Andalan:Panel:Username"] = "u",
            ["Andalan:Panel:Password"] = "p",
            ["Andalan:Sheets:ServiceAccountJson"] = "{}",
            ["Andalan:Telegram:Enabled"] = "false",
            ["Andalan:Webhook:Enabled"] = "true",
        });

        var missing = RequiredSecrets.Missing(configuration);

        Assert.Equal(["Andalan:Webhook:Url"], missing);
        Assert.Contains("Andalan--Webhook--Url", RequiredSecrets.Describe(missing[0]), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WhitespaceValue_CountsAsMissing()
    {
        var configuration = Configuration(new()
        {
            ["Andalan:Panel:Username"] = "u",
            ["Andalan:Panel:Password"] = "  ",
            ["Andalan:Sheets:ServiceAccountJson"] = "{}",
            ["Andalan:Telegram:BotToken"] = "1:AA",
        });

        var missing = RequiredSecrets.Missing(configuration);

        Assert.Equal(["Andalan:Panel:Password"], missing);
    }

    [Theory]
    [InlineData("Andalan--Sheets--ServiceAccountJson", "Andalan:Sheets:ServiceAccountJson")]
    [InlineData("Plain", "Plain")]
    public void ToConfigurationKey_VaultName_MapsDoubleDashToColon(string vaultName, string key)
    {
        var mapped = SecretNames.ToConfigurationKey(vaultName);

        Assert.Equal(key, mapped);
        Assert.Equal(vaultName, SecretNames.ToVaultName(mapped));
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}

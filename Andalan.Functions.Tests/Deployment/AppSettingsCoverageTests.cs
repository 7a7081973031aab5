using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Andalan.Functions.Tests.Fixtures;

namespace Andalan.Functions.Tests.Deployment;

/// <summary>
/// Every setting the app binds is listed and explained in local.settings.sample.json and set in the function
/// app's settings in infra/main.bicep, with the app's own defaults; no secret is in either.
/// </summary>
public sealed partial class AppSettingsCoverageTests
{
    // Values the compiled template computes at deployment; the binding test stands in plausible ones.
    private static readonly Dictionary<string, string> DeploymentValueStandIns = new(StringComparer.Ordinal)
    {
        ["Andalan__KeyVault__VaultUri"] = "https://kv-andalan-test.vault.azure.net/",
        ["Andalan__Run__PublicBaseUrl"] = "https://func-andalan-test.azurewebsites.net/",
        ["Andalan__Panel__BaseUrl"] = "https://panel.example.invalid/",
        ["Andalan__Sheets__SpreadsheetId"] = "spreadsheet-id-for-the-test",
        ["Andalan__Telegram__Enabled"] = "true",
        ["Andalan__Telegram__ChatId"] = "-1000000000001",
        ["Andalan__Storage__RetentionDays"] = "90",
        ["AzureWebJobsStorage__blobServiceUri"] = "https://standalantest.blob.core.windows.net/",
        ["AzureWebJobsStorage__queueServiceUri"] = "https://standalantest.queue.core.windows.net/",
        ["AzureWebJobsStorage__tableServiceUri"] = "https://standalantest.table.core.windows.net/",
        ["AzureWebJobsStorage__clientId"] = "00000000-0000-0000-0000-000000000001",
    };

    private static readonly Lazy<JsonElement> Sample = new(() =>
    {
        var path = Path.Combine(RepositoryPaths.Root, "local.settings.sample.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));

        return document.RootElement.Clone();
    });

    private static Dictionary<string, string> SampleValues => SampleSection("Values");

    private static Dictionary<string, string> SampleDocumentation => SampleSection("Documentation");

    [Fact]
    public void Catalog_FindsTheOptionsTheAppBinds()
    {
        var sections = AppSettingsCatalog.OptionsTypes.Select(t => t.Name).ToList();

        Assert.Equal(
            new[]
            {
                "DocumentsOptions", "KeyVaultOptions", "PanelOptions", "RunOptions", "SheetsOptions", "StorageOptions",
                "TelegramOptions", "WebhookOptions",
            },
            sections.Order(StringComparer.Ordinal));
        Assert.Contains(AppSettingsCatalog.Settings,
            s => s.Name == "Andalan__Panel__DownloadTimeout" && s.Default == "00:03:00");
        Assert.Equal(
            ["Andalan__Panel__Password", "Andalan__Panel__Username", "Andalan__Sheets__ServiceAccountJson",
             "Andalan__Telegram__BotToken", "Andalan__Webhook__Url"],
            AppSettingsCatalog.Secrets.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Sample_ListsAndExplainsEverySettingWithTheAppsDefault()
    {
        var values = SampleValues;
        var documentation = SampleDocumentation;

        var problems = new List<string>();
        foreach (var setting in AppSettingsCatalog.Settings)
        {
            var documented = setting.IsList ? setting.Name + "__0" : setting.Name;
            if (!documentation.ContainsKey(documented))
            {
                problems.Add($"{documented} is not explained under Documentation");
            }

            if (setting.IsList)
            {
                continue;
            }

            if (!values.TryGetValue(setting.Name, out var value))
            {
                problems.Add($"{setting.Name} is not in Values");
            }
            else if (setting.Default.Length > 0 && !SameValue(setting.Default, value))
            {
                problems.Add(
                    $"{setting.Name} is \"{value}\" in the sample; the app's default is \"{setting.Default}\"");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        Assert.All(values.Keys, key => Assert.True(documentation.ContainsKey(key), $"{key} is not explained"));
    }

    [Fact]
    public void Sample_HoldsNoSecretAndNothingThatLooksLikeOne()
    {
        var values = SampleValues;

        Assert.All(AppSettingsCatalog.Secrets, secret => Assert.Equal(string.Empty, values[secret]));
        Assert.All(values, pair => Assert.False(LooksLikeASecret(pair.Value), $"{pair.Key} looks like a secret"));
        Assert.All(AppSettingsCatalog.Secrets,
            secret => Assert.StartsWith("SECRET.", SampleDocumentation[secret], StringComparison.Ordinal));
    }

    [Fact]
    public void Sample_WithTheSecretsFilledIn_BindsAndValidates()
    {
        var values = SampleValues.ToDictionary(StringComparer.Ordinal);
        foreach (var (name, value) in StandInSecrets())
        {
            values[name] = value;
        }

        values["Andalan__Sheets__SpreadsheetId"] = "spreadsheet-id-for-the-test";
        values["Andalan__Telegram__ChatId"] = "-1000000000001";

        AppSettingsCatalog.BindAndValidate(values);
    }

    [Fact]
    public void Bicep_SetsEverySettingExceptSecretsWithTheAppsDefaults()
    {
        var deployed = ArmTemplate.AppSettings();

        var problems = new List<string>();
        foreach (var setting in AppSettingsCatalog.Settings.Where(s => !s.IsList))
        {
            var expected = !AppSettingsCatalog.Secrets.Contains(setting.Name) &&
                !AppSettingsCatalog.SandboxOnly.Contains(setting.Name);
            if (expected != deployed.TryGetValue(setting.Name, out var value))
            {
                problems.Add(expected ? $"{setting.Name} is not set" : $"{setting.Name} must not be an app setting");
            }
            else if (value is not null && !ArmTemplate.IsExpression(value) && setting.Default.Length > 0 &&
                     !SameValue(setting.Default, value))
            {
                problems.Add($"{setting.Name} is \"{value}\"; the app's default is \"{setting.Default}\"");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        Assert.Equal("Asia/Jakarta", deployed["WEBSITE_TIME_ZONE"]);
        Assert.Equal(deployed["Andalan__Run__TimeZone"], deployed["WEBSITE_TIME_ZONE"]);
        Assert.Equal("dotnet-isolated", deployed["FUNCTIONS_WORKER_RUNTIME"]);
        Assert.Contains("vaults", deployed["Andalan__KeyVault__VaultUri"], StringComparison.Ordinal);
        Assert.EndsWith(".vaultUri]", deployed["Andalan__KeyVault__VaultUri"], StringComparison.Ordinal);
    }

    [Fact]
    public void Bicep_ConnectsStorageByIdentityWithoutAConnectionString()
    {
        var deployed = ArmTemplate.AppSettings();

        Assert.False(deployed.ContainsKey("AzureWebJobsStorage"));
        Assert.Equal("managedidentity", deployed["AzureWebJobsStorage__credential"]);
        foreach (var service in (string[])["blob", "queue", "table"])
        {
            var uri = deployed[$"AzureWebJobsStorage__{service}ServiceUri"];
            Assert.EndsWith($".primaryEndpoints.{service}]", uri, StringComparison.Ordinal);
        }

        Assert.EndsWith(".clientId]", deployed["AzureWebJobsStorage__clientId"], StringComparison.Ordinal);
        Assert.Equal(deployed["AzureWebJobsStorage__clientId"], deployed["AZURE_CLIENT_ID"]);
        Assert.All(deployed, pair => Assert.DoesNotMatch(ConnectionSecret(), pair.Value));
    }

    [Fact]
    public void Bicep_SettingsWithTheVaultsSecrets_BindAndValidate()
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in ArmTemplate.AppSettings())
        {
            var appReadsIt = name.StartsWith("Andalan__", StringComparison.Ordinal) ||
                name.StartsWith("AzureWebJobsStorage", StringComparison.Ordinal);
            values[name] = !ArmTemplate.IsExpression(value) ? value
                : DeploymentValueStandIns.TryGetValue(name, out var standIn) ? standIn
                : appReadsIt ? throw new InvalidOperationException($"{name} is computed at deployment: add a stand-in.")
                : value;
        }

        foreach (var (name, value) in StandInSecrets())
        {
            values[name] = value;
        }

        AppSettingsCatalog.BindAndValidate(values);
    }

    [Theory]
    [InlineData("bot token")]
    [InlineData("storage connection")]
    [InlineData("private key")]
    [InlineData("opaque token")]
    [InlineData("jwt")]
    public void LooksLikeASecret_SecretShapedValue_IsCaught(string kind)
    {
        var value = kind switch
        {
            "bot token" => $"{RandomNumberGenerator.GetInt32(100_000_000, 999_999_999)}:{Opaque(35)}",
            "storage connection" => $"DefaultEndpointsProtocol=https;AccountName=x;AccountKey={Opaque(40)}==",
            "private key" => $"{{\"private_key\":\"-----BEGIN PRIVATE KEY-----\\n{Opaque(64)}\"}}",
            "opaque token" => Opaque(40),
            _ => $"eyJ{Opaque(20)}.eyJ{Opaque(20)}.{Opaque(20)}",
        };

        Assert.True(LooksLikeASecret(value));
    }

    [Theory]
    [InlineData("UseDevelopmentStorage=true")]
    [InlineData("(?i)sedang dalam pemeliharaan|service unavailable|maintenance mode")]
    [InlineData("https://sheets.googleapis.com/")]
    [InlineData("input[name=password]")]
    [InlineData("00:02:00")]
    [InlineData("1073741824")]
    public void LooksLikeASecret_OrdinarySetting_IsNotCaught(string value)
    {
        Assert.False(LooksLikeASecret(value));
    }

    internal static bool LooksLikeASecret(string value) =>
        ConnectionSecret().IsMatch(value) || BotToken().IsMatch(value) || Jwt().IsMatch(value) ||
        value.Contains("PRIVATE KEY", StringComparison.Ordinal) ||
        value.Contains("private_key", StringComparison.Ordinal) ||
        (OpaqueToken().IsMatch(value) && !FilePath().IsMatch(value));

    private static Dictionary<string, string> SampleSection(string name) =>
        Sample.Value.GetProperty(name).EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);

    private static bool SameValue(string expected, string actual) =>
        string.Equals(expected, actual,
            expected is "true" or "false" ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    /// <summary>Secrets as Key Vault would supply them, made up at run time.</summary>
    private static Dictionary<string, string> StandInSecrets()
    {
        using var key = RSA.Create(2048);
        var account = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["type"] = "service_account",
            ["client_email"] = "andalan-test@example-project.iam.gserviceaccount.com",
            ["private_key_id"] = Opaque(16),
            ["private_key"] = key.ExportPkcs8PrivateKeyPem(),
            ["token_uri"] = "https://oauth2.googleapis.com/token",
        });

        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Andalan__Panel__Username"] = "operator@example.invalid",
            ["Andalan__Panel__Password"] = Opaque(20),
            ["Andalan__Sheets__ServiceAccountJson"] = account,
            ["Andalan__Telegram__BotToken"] = $"{RandomNumberGenerator.GetInt32(100_000, 999_999)}:{Opaque(35)}",
        };
    }

    private static string Opaque(int length) =>
        RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", length);

    [GeneratedRegex("AccountKey=|SharedAccessSignature=|[?&]sig=|InstrumentationKey=|Password=",
        RegexOptions.IgnoreCase)]
    private static partial Regex ConnectionSecret();

    [GeneratedRegex(@"\d{5,}:[A-Za-z0-9_-]{30,}")]
    private static partial Regex BotToken();

    [GeneratedRegex(@"eyJ[A-Za-z0-9_-]{10,}\.")]
    private static partial Regex Jwt();

    // A long run of letters and digits with no spaces or the punctuation of selectors, paths and patterns.
    [GeneratedRegex(@"^[A-Za-z0-9+/_=-]{32,}$")]
    private static partial Regex OpaqueToken();

    // An absolute path of lower-case names, such as /usr/lib/chromium/chromium-headless-shell, is not a token.
    [GeneratedRegex(@"^(/[a-z0-9._-]+){2,}$")]
    private static partial Regex FilePath();
}

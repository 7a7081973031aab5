using System.Text.Json;
using System.Text.RegularExpressions;

namespace Andalan.Functions.Tests.Deployment;

/// <summary>
/// infra/ compiled and linted with the real Bicep CLI, then the compiled template read for the promises the
/// README makes: identity everywhere, no keys, the vault's protections, the archive's lifecycle rule.
/// </summary>
public sealed partial class InfrastructureTests
{
    private const string KeyVaultSecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";
    private const string KeyVaultSecretsOfficer = "b86a8fe4-44ce-4948-aee5-eccb2c155cd7";
    private const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string AcrPull = "7f951dda-4ed3-4680-a7ca-43fe172d538d";
    private const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";

    private static readonly Dictionary<string, string> RequiredParameters = new(StringComparer.Ordinal)
    {
        ["ANDALAN_PANEL_URL"] = "https://panel.example.invalid/",
        ["ANDALAN_SPREADSHEET_ID"] = "spreadsheet-id-for-the-test",
        ["ANDALAN_TELEGRAM_CHAT_ID"] = "-1000000000001",
    };

    [Fact]
    public void Build_MainTemplate_CompilesWithoutDiagnostics()
    {
        var result = BicepCli.Run(null, "build", BicepCli.MainTemplate, "--stdout");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Empty(BicepCli.Diagnostics(result));
        using var template = JsonDocument.Parse(result.Output);
        Assert.EndsWith("/2019-04-01/deploymentTemplate.json#", template.RootElement.GetProperty("$schema").GetString(),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_MainTemplateAndParameters_ReportNothing()
    {
        var template = BicepCli.Run(null, "lint", BicepCli.MainTemplate);
        var parameters = BicepCli.Run(RequiredParameters, "lint", BicepCli.ParametersFile);

        Assert.True(template.ExitCode == 0, template.Error);
        Assert.Empty(BicepCli.Diagnostics(template));
        Assert.True(parameters.ExitCode == 0, parameters.Error);
        Assert.Empty(BicepCli.Diagnostics(parameters));
    }

    [Fact]
    public void BuildParams_WithTheInstallationsValues_GivesThemToTheTemplate()
    {
        var result = BicepCli.Run(RequiredParameters, "build-params", BicepCli.ParametersFile, "--stdout");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Empty(BicepCli.Diagnostics(result));
        using var wrapper = JsonDocument.Parse(result.Output);
        using var parameters = JsonDocument.Parse(wrapper.RootElement.GetProperty("parametersJson").GetString()!);
        var values = parameters.RootElement.GetProperty("parameters");
        Assert.Equal("https://panel.example.invalid/", Value(values, "panelBaseUrl"));
        Assert.Equal("spreadsheet-id-for-the-test", Value(values, "spreadsheetId"));
        Assert.Equal("-1000000000001", Value(values, "telegramChatId"));
    }

    [Fact]
    public void BuildParams_InstallationValuesMissing_FailsNamingTheVariables()
    {
        var result = BicepCli.Run(null, "build-params", BicepCli.ParametersFile, "--stdout");

        Assert.NotEqual(0, result.ExitCode);
        foreach (var variable in RequiredParameters.Keys)
        {
            Assert.Contains(variable, result.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void FunctionApp_IsALinuxContainerOnElasticPremiumPulledWithTheIdentity()
    {
        var app = ArmTemplate.Single("Microsoft.Web/sites");
        var plan = ArmTemplate.Single("Microsoft.Web/serverfarms");
        var site = app.GetProperty("properties").GetProperty("siteConfig");

        Assert.Equal("functionapp,linux,container", app.GetProperty("kind").GetString());
        Assert.Equal("ElasticPremium", plan.GetProperty("sku").GetProperty("tier").GetString());
        Assert.True(plan.GetProperty("properties").GetProperty("reserved").GetBoolean());
        Assert.StartsWith("[format('DOCKER|{0}/{1}:{2}'", site.GetProperty("linuxFxVersion").GetString(),
            StringComparison.Ordinal);
        Assert.True(site.GetProperty("acrUseManagedIdentityCreds").GetBoolean());
        Assert.Contains("userAssignedIdentities", site.GetProperty("acrUserManagedIdentityID").GetString(),
            StringComparison.Ordinal);
        Assert.Equal(1, site.GetProperty("minimumElasticInstanceCount").GetInt32());
        Assert.True(app.GetProperty("properties").GetProperty("httpsOnly").GetBoolean());
        Assert.Equal("UserAssigned", app.GetProperty("identity").GetProperty("type").GetString());
    }

    [Fact]
    public void KeyVault_UsesRbacWithSoftDeleteAndPurgeProtection()
    {
        var vault = ArmTemplate.Single("Microsoft.KeyVault/vaults").GetProperty("properties");

        Assert.True(vault.GetProperty("enableRbacAuthorization").GetBoolean());
        Assert.True(vault.GetProperty("enableSoftDelete").GetBoolean());
        Assert.True(vault.GetProperty("enablePurgeProtection").GetBoolean());
        Assert.InRange(vault.GetProperty("softDeleteRetentionInDays").GetInt32(), 7, 90);
        Assert.False(vault.TryGetProperty("accessPolicies", out _));
    }

    [Fact]
    public void Storage_RefusesAccountKeysAndPublicBlobs()
    {
        var storage = ArmTemplate.Single("Microsoft.Storage/storageAccounts").GetProperty("properties");

        Assert.False(storage.GetProperty("allowSharedKeyAccess").GetBoolean());
        Assert.False(storage.GetProperty("allowBlobPublicAccess").GetBoolean());
        Assert.Equal("TLS1_2", storage.GetProperty("minimumTlsVersion").GetString());
    }

    [Fact]
    public void Lifecycle_DeletesArchiveBlobsAfterTheRetentionTheAppIsGiven()
    {
        var rule = Assert.Single(ArmTemplate.Single("Microsoft.Storage/storageAccounts/managementPolicies")
            .GetProperty("properties").GetProperty("policy").GetProperty("rules").EnumerateArray());
        var definition = rule.GetProperty("definition");
        var delete = definition.GetProperty("actions").GetProperty("baseBlob").GetProperty("delete");
        var prefixes = definition.GetProperty("filters").GetProperty("prefixMatch").EnumerateArray();
        var prefix = Assert.Single(prefixes).GetString()!;
        var settings = ArmTemplate.AppSettings();

        Assert.True(rule.GetProperty("enabled").GetBoolean());
        Assert.Equal("[parameters('retentionDays')]",
            delete.GetProperty("daysAfterModificationGreaterThan").GetString());
        Assert.Equal("[string(parameters('retentionDays'))]", settings["Andalan__Storage__RetentionDays"]);
        Assert.Equal("[format('{0}/', variables('archiveContainerName'))]", prefix);
        Assert.Equal(BicepCli.Template.GetProperty("variables").GetProperty("archiveContainerName").GetString(),
            settings["Andalan__Storage__ArchiveContainer"]);
    }

    [Fact]
    public void RoleAssignments_GiveTheIdentityOnlyWhatTheAppUses()
    {
        var expected = new[]
        {
            (KeyVaultSecretsUser, "Microsoft.KeyVault/vaults"),
            (StorageBlobDataOwner, "Microsoft.Storage/storageAccounts"),
            (StorageQueueDataContributor, "Microsoft.Storage/storageAccounts"),
            (StorageTableDataContributor, "Microsoft.Storage/storageAccounts"),
            (AcrPull, "Microsoft.ContainerRegistry/registries"),
            (MonitoringMetricsPublisher, "Microsoft.Insights/components"),
        };

        var identity = RoleGrants()
            .Where(g => g.Principal.Contains("userAssignedIdentities", StringComparison.Ordinal)).ToList();
        var others = RoleGrants().Except(identity).ToList();

        Assert.Equal(expected.Order(), identity.Select(g => (g.RoleId, ScopeType(g.Scope))).Order());
        Assert.All(identity, g => Assert.EndsWith(".principalId]", g.Principal, StringComparison.Ordinal));
        var operatorGrant = Assert.Single(others);
        Assert.Equal(KeyVaultSecretsOfficer, operatorGrant.RoleId);
        Assert.Equal("[parameters('operatorPrincipalId')]", operatorGrant.Principal);
    }

    [Fact]
    public void Template_HoldsNoKeyOrPassword()
    {
        var text = BicepCli.Template.GetRawText();

        Assert.DoesNotContain("listKeys", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("listCredentials", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("AccountKey", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("DOCKER_REGISTRY_SERVER_PASSWORD", text, StringComparison.Ordinal);
        Assert.DoesNotContain("WEBSITE_CONTENTAZUREFILECONNECTIONSTRING", text, StringComparison.Ordinal);
        Assert.True(ArmTemplate.Single("Microsoft.Insights/components").GetProperty("properties")
            .GetProperty("DisableLocalAuth").GetBoolean());
        Assert.Equal("false", ArmTemplate.Single("Microsoft.ContainerRegistry/registries").GetProperty("properties")
            .GetProperty("adminUserEnabled").GetRawText());
    }

    [Fact]
    public void Outputs_NameWhatTheReadmeCommandsNeed()
    {
        var outputs = BicepCli.Template.GetProperty("outputs");

        foreach (var name in (string[])["functionAppName", "functionAppUrl", "registryName", "registryLoginServer",
                     "keyVaultName", "keyVaultUri", "storageAccountName", "identityClientId", "appInsightsName"])
        {
            Assert.True(outputs.TryGetProperty(name, out _), $"output {name} is missing");
        }
    }

    private static string? Value(JsonElement parameters, string name) =>
        parameters.GetProperty(name).GetProperty("value").GetString();

    private static string ScopeType(string scope) => ScopeResourceType().Match(scope).Groups["type"].Value;

    /// <summary>Each role assignment, its role ids resolved through the template's variables, loops expanded.</summary>
    private static List<(string RoleId, string Principal, string Scope)> RoleGrants()
    {
        var variables = BicepCli.Template.GetProperty("variables");
        var grants = new List<(string, string, string)>();
        foreach (var assignment in ArmTemplate.Resources("Microsoft.Authorization/roleAssignments"))
        {
            var properties = assignment.GetProperty("properties");
            var scope = assignment.GetProperty("scope").GetString()!;
            foreach (var role in Resolve(properties.GetProperty("roleDefinitionId").GetString()!, variables))
            {
                grants.Add((role, properties.GetProperty("principalId").GetString()!, scope));
            }
        }

        return grants;
    }

    private static IEnumerable<string> Resolve(string expression, JsonElement variables)
    {
        if (RoleGuid().Match(expression) is { Success: true } literal)
        {
            return [literal.Value];
        }

        var reference = VariableReference().Match(expression);
        Assert.True(reference.Success, $"Cannot read a role id from {expression}");
        var value = variables.GetProperty(reference.Groups["name"].Value);
        if (reference.Groups["member"].Success)
        {
            value = value.GetProperty(reference.Groups["member"].Value);
        }

        return reference.Groups["loop"].Success
            ? value.EnumerateArray().SelectMany(item => Resolve(item.GetString()!, variables))
            : Resolve(value.GetString()!, variables);
    }

    private const string RoleId = "[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}";

    // A role id on its own, or quoted inside an expression.
    [GeneratedRegex("^" + RoleId + "$|(?<=')" + RoleId + "(?=')")]
    private static partial Regex RoleGuid();

    [GeneratedRegex(@"variables\('(?<name>\w+)'\)(?:\.(?<member>\w+)|(?<loop>\[copyIndex\(\)\]))?")]
    private static partial Regex VariableReference();

    [GeneratedRegex(@"resourceId\('(?<type>[^']+)'")]
    private static partial Regex ScopeResourceType();
}

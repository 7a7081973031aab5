using System.Text.RegularExpressions;
using Andalan.Functions.Secrets;
using Andalan.Functions.Tests.Fixtures;
using Microsoft.Extensions.Configuration;

namespace Andalan.Functions.Tests.Deployment;

/// <summary>The README's deployment commands name what the Bicep and the app really have.</summary>
public sealed partial class DeploymentGuideTests
{
    private static readonly Lazy<string> Readme =
        new(() => File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md")));

    [Fact]
    public void Readme_ReadsOnlyOutputsTheTemplateHas()
    {
        var outputs = BicepCli.Template.GetProperty("outputs");
        var used = DeploymentOutput().Matches(Readme.Value).Select(m => m.Groups["name"].Value).Distinct().ToList();

        Assert.NotEmpty(used);
        Assert.All(used, name => Assert.True(outputs.TryGetProperty(name, out _), $"the README reads output {name}"));
    }

    [Fact]
    public void Readme_ExportsEveryVariableTheParametersFileReads()
    {
        var parameters = File.ReadAllText(BicepCli.ParametersFile);
        var read = EnvironmentRead().Matches(parameters).Select(m => m.Groups["name"].Value).ToList();
        var required = read
            .Where(name => !parameters.Contains($"readEnvironmentVariable('{name}',", StringComparison.Ordinal))
            .ToList();

        Assert.Contains("ANDALAN_PANEL_URL", required);
        Assert.All(required, name => Assert.Contains($"export {name}=", Readme.Value, StringComparison.Ordinal));
    }

    [Fact]
    public void Readme_SetsEachRequiredSecretUnderItsVaultName()
    {
        var secrets = RequiredSecrets.For(new ConfigurationBuilder().Build()).Select(SecretNames.ToVaultName).ToList();

        Assert.Equal(4, secrets.Count);
        Assert.All(secrets, name => Assert.Contains($"--name {name} ", Readme.Value, StringComparison.Ordinal));
        Assert.All(secrets, name => Assert.Contains($"| `{name}` |", Readme.Value, StringComparison.Ordinal));
    }

    [GeneratedRegex(@"\$\(out (?<name>\w+)\)")]
    private static partial Regex DeploymentOutput();

    [GeneratedRegex(@"readEnvironmentVariable\('(?<name>ANDALAN_\w+)'")]
    private static partial Regex EnvironmentRead();
}

using System.Text.Json;

namespace Andalan.Functions.Tests.Deployment;

/// <summary>Reads what the compiled infra/main.bicep deploys.</summary>
internal static class ArmTemplate
{
    public static IEnumerable<JsonElement> Resources(string type) =>
        BicepCli.Template.GetProperty("resources").EnumerateArray()
            .Where(r => string.Equals(r.GetProperty("type").GetString(), type, StringComparison.OrdinalIgnoreCase));

    public static JsonElement Single(string type) => Assert.Single(Resources(type));

    /// <summary>
    /// The function app's settings: literal values as written, a plain reference to a literal variable as that
    /// variable's value, other expressions as "[...]".
    /// </summary>
    public static IReadOnlyDictionary<string, string> AppSettings()
    {
        var config = Resources("Microsoft.Web/sites/config")
            .Single(r => r.GetProperty("name").GetString()!.EndsWith("appsettings')]", StringComparison.Ordinal)
                || r.GetProperty("name").GetString()!.EndsWith("/appsettings", StringComparison.Ordinal));

        var variables = BicepCli.Template.GetProperty("variables");

        return config.GetProperty("properties").EnumerateObject()
            .ToDictionary(
                p => p.Name, p => Literal(p.Value.GetString() ?? string.Empty, variables), StringComparer.Ordinal);
    }

    private static string Literal(string value, JsonElement variables) =>
        value.StartsWith("[variables('", StringComparison.Ordinal) && value.EndsWith("')]", StringComparison.Ordinal) &&
        variables.TryGetProperty(value["[variables('".Length..^"')]".Length], out var variable) &&
        variable.ValueKind == JsonValueKind.String && !IsExpression(variable.GetString()!)
            ? variable.GetString()!
            : value;

    public static bool IsExpression(string value) =>
        value.StartsWith('[') && value.EndsWith(']') && !value.StartsWith("[[", StringComparison.Ordinal);
}

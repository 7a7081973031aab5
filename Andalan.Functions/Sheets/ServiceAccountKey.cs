using System.Text.Json;

namespace Andalan.Functions.Sheets;

/// <summary>Reads what a service account key file must hold, without ever quoting it.</summary>
internal static class ServiceAccountKey
{
    private const string Setting = SheetsOptions.SectionName + ":ServiceAccountJson";

    public static IReadOnlyList<string> Problems(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return [$"{Setting} is not a JSON object."];
            }

            var problems = new List<string>();
            if (Text(root, "type") != "service_account")
            {
                problems.Add($"{Setting} is not a service account key (its \"type\" is not \"service_account\").");
            }

            foreach (var member in (string[])["client_email", "private_key", "token_uri"])
            {
                if (string.IsNullOrWhiteSpace(Text(root, member)))
                {
                    problems.Add($"{Setting} has no \"{member}\".");
                }
            }

            if (Text(root, "token_uri") is { Length: > 0 } tokenUri &&
                !Uri.TryCreate(tokenUri, UriKind.Absolute, out _))
            {
                problems.Add($"{Setting} has a \"token_uri\" that is not an absolute URL.");
            }

            return problems;
        }
        catch (JsonException)
        {
            return [$"{Setting} is not valid JSON; paste the key file's whole content."];
        }
    }

    /// <summary>The service account's email, which people share the spreadsheet with; not a secret.</summary>
    public static string? Email(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);

            return Text(document.RootElement, "client_email");
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) &&
        value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

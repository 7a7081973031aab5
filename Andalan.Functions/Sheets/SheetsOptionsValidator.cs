using Microsoft.Extensions.Options;

namespace Andalan.Functions.Sheets;

/// <summary>
/// Checks that the service account JSON is a service account key with an email, a private key and a token
/// address. Messages name the missing member, never the key's content.
/// </summary>
internal sealed class SheetsOptionsValidator : IValidateOptions<SheetsOptions>
{
    public ValidateOptionsResult Validate(string? name, SheetsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.ServiceAccountJson))
        {
            return ValidateOptionsResult.Skip;
        }

        var problems = ServiceAccountKey.Problems(options.ServiceAccountJson);
        if (!options.BaseUrl.IsAbsoluteUri)
        {
            problems = [.. problems, $"{SheetsOptions.SectionName}:BaseUrl must be an absolute URL."];
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Andalan.Functions.Secrets;

/// <summary>
/// Runs with the vault options at start-up, so a missing secret stops the host before the first run with a
/// message that names it.
/// </summary>
internal sealed class RequiredSecretsValidator(IConfiguration configuration) : IValidateOptions<KeyVaultOptions>
{
    public ValidateOptionsResult Validate(string? name, KeyVaultOptions options)
    {
        var missing = RequiredSecrets.Missing(configuration);

        return missing.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(missing.Select(RequiredSecrets.Describe));
    }
}

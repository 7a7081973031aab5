using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Andalan.Functions.Storage;

/// <summary>Checks at start that the storage account is configured, naming the settings to set.</summary>
internal sealed class StorageOptionsValidator(IConfiguration configuration) : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options) =>
        StorageConnection.Problem(configuration) is { } problem
            ? ValidateOptionsResult.Fail(problem)
            : ValidateOptionsResult.Success;
}

using System.ComponentModel.DataAnnotations;
using Azure.Core;
using Microsoft.Extensions.Configuration;

namespace Andalan.Functions.Secrets;

public static class SecretsConfiguration
{
    /// <summary>
    /// Adds the Key Vault named by <c>Andalan:KeyVault:VaultUri</c> (read from the sources added so far) as the
    /// last configuration source, so its secrets override local settings; does nothing without a vault.
    /// The vault is read here, once: an unreachable vault throws <see cref="SecretsUnavailableException"/>.
    /// </summary>
    /// <param name="builder">The app's configuration, with settings and environment variables already added.</param>
    /// <param name="credential">Overrides DefaultAzureCredential; tests and tools only.</param>
    /// <param name="time">The clock the pinned certificate's validity is checked against.</param>
    public static IConfigurationBuilder AddAndalanSecrets(
        this IConfigurationBuilder builder, TokenCredential? credential = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var current = builder as IConfiguration ?? builder.Build();
        var options = ReadOptions(current);
        if (options.VaultUri is null)
        {
            return builder;
        }

        builder.Add(new KeyVaultSecretsSource(VaultClients.Create(options, credential, time ?? TimeProvider.System)));

        return builder;
    }

    /// <summary>Reads and checks the vault settings; a bad one stops start-up with what to fix.</summary>
    internal static KeyVaultOptions ReadOptions(IConfiguration configuration)
    {
        var options = configuration.GetSection(KeyVaultOptions.SectionName).Get<KeyVaultOptions>() ?? new KeyVaultOptions();
        var problems = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), problems, validateAllProperties: true);
        if (options.VaultUri is { } vault && (!vault.IsAbsoluteUri || vault.Scheme != Uri.UriSchemeHttps))
        {
            problems.Add(new ValidationResult($"VaultUri must be an absolute https URL, not {vault}."));
        }

        return problems.Count == 0
            ? options
            : throw new InvalidOperationException(
                $"The {KeyVaultOptions.SectionName} settings are not valid: " +
                string.Join(" ", problems.Select(p => p.ErrorMessage)));
    }
}

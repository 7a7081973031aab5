using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Andalan.Functions.Secrets;

public static class SecretsRegistration
{
    /// <summary>
    /// Validates the vault settings and the required secrets when the host starts, and registers the
    /// secrets preflight check. Add the vault itself to configuration with
    /// <see cref="SecretsConfiguration.AddAndalanSecrets"/>.
    /// </summary>
    public static IServiceCollection AddSecrets(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<KeyVaultOptions>()
            .BindConfiguration(KeyVaultOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<KeyVaultOptions>, RequiredSecretsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new SecretsPreflight(
            sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<TimeProvider>()));

        return services;
    }
}

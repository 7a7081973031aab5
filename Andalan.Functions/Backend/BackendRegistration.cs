using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Andalan.Functions.Backend;

public static class BackendRegistration
{
    /// <summary>
    /// Adds the panel settings (validated at start), the process's one browser session as the export
    /// downloader, and the panel preflight. The container disposes the session, closing Chromium.
    /// </summary>
    public static IServiceCollection AddBackend(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<PanelOptions>()
            .BindConfiguration(PanelOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PanelOptions>, PanelOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<BackendSession>();
        services.TryAddSingleton<IExportDownloader>(sp => sp.GetRequiredService<BackendSession>());
        services.TryAddSingleton<PanelPreflight>();

        return services;
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Andalan.Functions.Storage;

public static class StorageRegistration
{
    /// <summary>
    /// Registers the export archive and the run history on the host's storage account, with the options and
    /// the connection settings validated at start.
    /// </summary>
    public static IServiceCollection AddStorage(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => StorageConnection.CreateBlobServiceClient(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton(sp => StorageConnection.CreateTableServiceClient(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton<ExportArchive>();
        services.AddSingleton<RunHistory>();

        return services;
    }
}

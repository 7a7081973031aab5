using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Andalan.Functions.Documents;

public static class DocumentsRegistration
{
    /// <summary>Adds the <see cref="DocumentReader"/> and its limits (section <c>Andalan:Documents</c>).</summary>
    public static IServiceCollection AddDocuments(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<DocumentsOptions>()
            .BindConfiguration(DocumentsOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();
        services.TryAddSingleton<DocumentReader>();

        return services;
    }
}

using Andalan.Functions.Backend;
using Andalan.Functions.Dashboard;
using Andalan.Functions.Documents;
using Andalan.Functions.Exports;
using Andalan.Functions.Notifications;
using Andalan.Functions.Secrets;
using Andalan.Functions.Sheets;
using Andalan.Functions.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Andalan.Functions.Workflow;

/// <summary>Everything a run needs, registered the same way for the Functions host, the run verb and tests.</summary>
public static class PipelineRegistration
{
    /// <summary>
    /// Adds the default exports under the app's own settings, then Key Vault on top when a vault is set.
    /// Call after the settings and environment variables have been added.
    /// </summary>
    public static IConfigurationBuilder AddPipelineConfiguration(this IConfigurationBuilder configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        return configuration.AddDefaultExports().AddAndalanSecrets();
    }

    public static IServiceCollection AddExportPipeline(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        return services
            .AddExports()
            .AddSecrets()
            .AddBackend()
            .AddDocuments()
            .AddSheets()
            .AddStorage()
            .AddNotifications()
            .AddWorkflow()
            .AddDashboard();
    }
}

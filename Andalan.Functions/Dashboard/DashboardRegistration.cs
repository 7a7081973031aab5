using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Andalan.Functions.Dashboard;

public static class DashboardRegistration
{
    /// <summary>Registers the run dashboard; it needs the storage and workflow registrations.</summary>
    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<RunDashboard>();

        return services;
    }
}

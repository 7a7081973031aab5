using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Andalan.Functions.Sheets;

public static class SheetsRegistration
{
    /// <summary>
    /// The Sheets client and sync, with <see cref="SheetsOptions"/> from <c>Andalan:Sheets</c> validated at start.
    /// </summary>
    public static IServiceCollection AddSheets(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<SheetsOptions>()
            .BindConfiguration(SheetsOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<SheetsOptions>, SheetsOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<GoogleAccess>();
        services.TryAddTransient<GoogleAuthHandler>();
        services.AddHttpClient<SheetsClient>((sp, http) =>
            {
                var options = sp.GetRequiredService<IOptions<SheetsOptions>>().Value;
                http.BaseAddress = options.BaseUrl;
                http.Timeout = options.RequestTimeout;
            })
            .AddHttpMessageHandler<GoogleAuthHandler>();
        services.TryAddTransient<SheetSync>();

        return services;
    }
}

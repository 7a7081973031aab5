using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Andalan.Functions.Notifications;

public static class NotificationsRegistration
{
    /// <summary>Registers the Telegram notifier and its preflight check, with options validated at start.</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<TelegramOptions>()
            .BindConfiguration(TelegramOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<TelegramOptions>, TelegramOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        // The Bot API carries the token in the URL path, and HttpClient's own logging writes request URLs:
        // this client logs nothing by itself.
        services.AddHttpClient(TelegramBotClient.HttpClientName).RemoveAllLoggers();
        services.AddSingleton<TelegramBotClient>();
        services.AddSingleton<TelegramNotifier>();
        services.AddSingleton<TelegramPreflight>();

        return services;
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Andalan.Functions.Notifications;

public static class NotificationsRegistration
{
    /// <summary>
    /// Registers the notification channels (Telegram, on by default; a webhook, off by default), the notifier
    /// that sends to every enabled one, and the Telegram preflight check, with options validated at start.
    /// </summary>
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

        services.AddOptions<WebhookOptions>()
            .BindConfiguration(WebhookOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidator>());

        // A webhook URL carries its secret in the path; this client logs nothing by itself either.
        services.AddHttpClient(WebhookChannel.HttpClientName).RemoveAllLoggers();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<INotificationChannel, TelegramChannel>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<INotificationChannel, WebhookChannel>());
        services.AddSingleton<RunNotifier>();

        return services;
    }
}

namespace Andalan.Sandbox.Telegram;

/// <summary>The sandbox's stand-in for Telegram (being built).</summary>
public static class TelegramEndpoints
{
    public static IServiceCollection AddTelegram(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapTelegram(this IEndpointRouteBuilder app) => app;
}

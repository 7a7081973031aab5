namespace Andalan.Sandbox.Panel;

/// <summary>The sandbox's stand-in for Panel (being built).</summary>
public static class PanelEndpoints
{
    public static IServiceCollection AddPanel(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapPanel(this IEndpointRouteBuilder app) => app;
}

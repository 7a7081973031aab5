namespace Andalan.Sandbox.Sheets;

/// <summary>The sandbox's stand-in for Sheets (being built).</summary>
public static class SheetsEndpoints
{
    public static IServiceCollection AddSheets(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapSheets(this IEndpointRouteBuilder app) => app;
}

namespace Andalan.Sandbox.Reports;

/// <summary>Registers the renderer of the panel's export files.</summary>
public static class ReportServices
{
    public static IServiceCollection AddReports(this IServiceCollection services) =>
        services.AddSingleton<ReportRenderer>();
}

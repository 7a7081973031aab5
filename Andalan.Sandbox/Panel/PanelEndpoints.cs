namespace Andalan.Sandbox.Panel;

/// <summary>
/// The admin panel: a Laravel-style site with a login form, a dashboard and four report pages whose exports
/// the app downloads with a real browser.
/// </summary>
public static class PanelEndpoints
{
    public static IServiceCollection AddPanel(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<PanelSessions>();
        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<PanelAssets>();

        return services;
    }

    public static IEndpointRouteBuilder MapPanel(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var panel = app.MapGroup(string.Empty).AddEndpointFilter<MaintenanceMode>();

        var assets = app.ServiceProvider.GetRequiredService<PanelAssets>();
        foreach (var path in assets.Paths)
        {
            panel.MapGet(path, assets.Serve);
        }

        panel.MapGet("/", () => Results.Redirect("/dashboard"));
        panel.MapGet("/login", PanelLogin.ShowForm);
        panel.MapPost("/login", PanelLogin.SignIn);
        panel.MapPost("/logout", PanelLogin.SignOut);

        var signedIn = panel.MapGroup(string.Empty).AddEndpointFilter<RequirePanelSession>();
        signedIn.MapGet("/dashboard", PanelDashboard.Show);
        panel.MapGet(PanelDashboard.StalledImagePath, PanelDashboard.StalledImage);
        signedIn.MapGet("/reports/coin-payments/data", PanelExports.CoinPaymentsData);
        signedIn.MapGet("/reports/{slug}", PanelReportPage.Show);
        signedIn.MapGet("/reports/{slug}/export", PanelExports.Download);

        return app;
    }
}

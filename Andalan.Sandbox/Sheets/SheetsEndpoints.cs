using Andalan.Sandbox.Faults;
using Andalan.Sandbox.Hosting;

namespace Andalan.Sandbox.Sheets;

/// <summary>Google Sheets v4 and its OAuth token endpoint, plus the read-only views under /_sandbox/sheets.</summary>
public static class SheetsEndpoints
{
    public static IServiceCollection AddSheets(this IServiceCollection services)
    {
        services.AddSingleton<SheetsLimits>();
        services.AddSingleton(sp => new Spreadsheet(
            sp.GetRequiredService<SandboxOptions>().SpreadsheetId, sp.GetRequiredService<SheetsLimits>()));
        services.AddSingleton<TokenIssuer>();
        services.AddSingleton<SheetsQuota>();
        services.AddSingleton<SheetsApi>();

        return services;
    }

    public static IEndpointRouteBuilder MapSheets(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);

        // Google takes the form on both its current and its older token address.
        foreach (var path in (string[])["/oauth2/token", "/token", "/oauth2/v4/token"])
        {
            app.MapPost(path, async (HttpRequest request, TokenIssuer tokens) =>
            {
                if (!request.HasFormContentType)
                {
                    return Results.Json(
                        new Dictionary<string, string>
                        {
                            ["error"] = "invalid_request",
                            ["error_description"] = "The request body must be application/x-www-form-urlencoded.",
                        },
                        statusCode: 400);
                }

                var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);

                return tokens.Exchange(form["grant_type"], form["assertion"]);
            });
        }

        app.Map("/v4/spreadsheets/{**rest}", (HttpContext context, SheetsApi api) => api.HandleAsync(context));

        var views = app.MapGroup(FaultMiddleware.ControlPrefix + "/sheets");
        views.MapGet("/", (Spreadsheet sheet) => SheetsViews.Index(sheet));
        views.MapGet("/{tab}", (string tab, int? page, Spreadsheet sheet) =>
            tab.EndsWith(".json", StringComparison.Ordinal)
                ? SheetsViews.Json(sheet, tab[..^".json".Length])
                : SheetsViews.Tab(sheet, tab, page ?? 1));

        return app;
    }

    /// <summary>The sandbox's spreadsheet, for tests that look at cells directly.</summary>
    public static Spreadsheet Spreadsheet(this SandboxInstance sandbox)
    {
        ArgumentNullException.ThrowIfNull(sandbox);

        return sandbox.Services.GetRequiredService<Spreadsheet>();
    }

    /// <summary>The Sheets limits (cell limit, body size, token lifetime), settable by tests.</summary>
    public static SheetsLimits SheetsLimits(this SandboxInstance sandbox)
    {
        ArgumentNullException.ThrowIfNull(sandbox);

        return sandbox.Services.GetRequiredService<SheetsLimits>();
    }

    public static TokenIssuer TokenIssuer(this SandboxInstance sandbox)
    {
        ArgumentNullException.ThrowIfNull(sandbox);

        return sandbox.Services.GetRequiredService<TokenIssuer>();
    }
}

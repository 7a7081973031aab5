using System.Globalization;
using Andalan.Sandbox.Faults;

namespace Andalan.Sandbox.Data;

/// <summary>
/// Registers the panel's data and its control endpoints: <c>POST /_sandbox/advance</c>, <c>GET /_sandbox/now</c> and
/// <c>GET /_sandbox/truth/{export}</c>.
/// </summary>
public static class PanelDataEndpoints
{
    public const int MaxAdvanceHours = 24 * 31;

    public static IServiceCollection AddPanelData(this IServiceCollection services) =>
        services.AddSingleton<PanelStore>().AddHostedService<PanelStoreWarmUp>();

    public static IEndpointRouteBuilder MapPanelData(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var control = app.MapGroup(FaultMiddleware.ControlPrefix);

        control.MapPost("/advance", (AdvanceRequest request, PanelStore store) =>
        {
            // A month at most: at the largest sizes that is already some 200,000 new sales.
            if (request.Hours is not (>= 0 and <= MaxAdvanceHours))
            {
                return Results.BadRequest(new { error = $"hours must be between 0 and {MaxAdvanceHours}." });
            }

            return Results.Ok(store.Advance(TimeSpan.FromHours(request.Hours)));
        });

        control.MapGet("/now", (PanelStore store) => Results.Ok(new { now = store.Now }));

        control.MapGet("/truth/{export}", (string export, string? date_from, string? date_to, PanelStore store) =>
        {
            if (!TruthCsv.Exports.Contains(export, StringComparer.Ordinal))
            {
                var known = string.Join(", ", TruthCsv.Exports);

                return Results.NotFound(new { error = $"Unknown export '{export}'. Known: {known}." });
            }

            if (!TryParseDate(date_from, out var from) || !TryParseDate(date_to, out var to))
            {
                return Results.BadRequest(new { error = "date_from and date_to are yyyy-MM-dd." });
            }

            return Results.Text(TruthCsv.Write(store, export, from, to), "text/csv; charset=utf-8");
        });

        return app;
    }

    private static bool TryParseDate(string? text, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return false;
        }

        date = parsed;

        return true;
    }
}

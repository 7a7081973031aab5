using Andalan.Sandbox.Faults;

namespace Andalan.Sandbox.Panel;

/// <summary>Laravel's maintenance mode (<c>php artisan down</c>): every panel page answers 503 while on.</summary>
internal sealed class MaintenanceMode(FaultSwitches faults) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (faults.Panel.Maintenance)
        {
            context.HttpContext.Response.Headers.RetryAfter = "60";

            return PanelHtml.Maintenance();
        }

        return await next(context);
    }
}

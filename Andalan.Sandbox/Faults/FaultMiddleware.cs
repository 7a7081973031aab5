using System.Globalization;
using Microsoft.AspNetCore.Connections.Features;

namespace Andalan.Sandbox.Faults;

/// <summary>
/// Routes every request to the service it belongs to by path, logs it, and applies that service's generic
/// faults (unreachable, slow, failing) before the service's own handler sees it.
/// </summary>
public sealed class FaultMiddleware(RequestDelegate next, FaultSwitches faults, CallLog calls, TimeProvider time)
{
    public const string ControlPrefix = "/_sandbox";

    public static SandboxService? ServiceOf(PathString path)
    {
        if (path.StartsWithSegments(ControlPrefix))
        {
            return null;
        }

        if (path.StartsWithSegments("/v4"))
        {
            return SandboxService.Sheets;
        }

        if (path.StartsWithSegments("/oauth2") || path.StartsWithSegments("/token"))
        {
            return SandboxService.OAuth;
        }

        if (path.Value?.StartsWith("/bot", StringComparison.Ordinal) == true)
        {
            return SandboxService.Telegram;
        }

        if (path.StartsWithSegments("/secrets"))
        {
            return SandboxService.KeyVault;
        }

        if (path.StartsWithSegments("/msi"))
        {
            return SandboxService.Identity;
        }

        if (path.StartsWithSegments("/hooks"))
        {
            return SandboxService.Webhook;
        }

        return SandboxService.Panel;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var service = ServiceOf(context.Request.Path);
        if (service is null)
        {
            await next(context);

            return;
        }

        var switches = faults.For(service.Value);
        try
        {
            if (switches.Unreachable)
            {
                context.Features.Get<IConnectionLifetimeFeature>()?.Abort();
                context.Abort();

                return;
            }

            if (switches.DelayMilliseconds > 0)
            {
                await Task.Delay(switches.DelayMilliseconds, context.RequestAborted);
            }

            if (faults.TryTakeFailure(service.Value, out var status, out var retryAfter))
            {
                await WriteFailureAsync(context, service.Value, status, retryAfter);

                return;
            }

            await next(context);
        }
        finally
        {
            calls.Add(new SandboxCall(
                service.Value, context.Request.Method, context.Request.Path + context.Request.QueryString,
                context.Response.StatusCode, time.GetUtcNow()));
        }
    }

    private static async Task WriteFailureAsync(HttpContext context, SandboxService service, int status, int retryAfter)
    {
        context.Response.StatusCode = status;
        if (retryAfter > 0)
        {
            context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        }

        switch (service)
        {
            case SandboxService.Telegram:
                await context.Response.WriteAsJsonAsync(new Dictionary<string, object>
                {
                    ["ok"] = false,
                    ["error_code"] = status,
                    ["description"] = status == 429
                        ? $"Too Many Requests: retry after {Math.Max(retryAfter, 1)}"
                        : "Internal Server Error",
                    ["parameters"] = new Dictionary<string, int> { ["retry_after"] = Math.Max(retryAfter, 1) },
                });
                break;
            case SandboxService.Webhook:
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync(status == 429 ? "rate_limited" : "internal_error");
                break;
            case SandboxService.Panel:
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.WriteAsync(
                    $"<!doctype html><html><head><title>Server Error</title></head><body><h1>{status}</h1>" +
                    "<p>Server Error</p></body></html>");
                break;
            default:
                await context.Response.WriteAsJsonAsync(new Dictionary<string, object>
                {
                    ["error"] = new Dictionary<string, object>
                    {
                        ["code"] = status,
                        ["message"] = status == 429 ? "Quota exceeded (sandbox fault switch)." : "Sandbox fault switch.",
                        ["status"] = status switch
                        {
                            429 => "RESOURCE_EXHAUSTED",
                            503 => "UNAVAILABLE",
                            _ => "INTERNAL",
                        },
                    },
                });
                break;
        }
    }
}

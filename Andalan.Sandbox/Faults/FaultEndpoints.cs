using System.Text.Json.Serialization;

namespace Andalan.Sandbox.Faults;

/// <summary>The control endpoints for faults and the call log, under <c>/_sandbox</c>.</summary>
public static class FaultEndpoints
{
    public static IEndpointRouteBuilder MapFaultControls(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var control = app.MapGroup(FaultMiddleware.ControlPrefix);

        control.MapGet("/faults", (FaultSwitches faults) => Results.Json(new
        {
            services = Enum.GetValues<SandboxService>().ToDictionary(s => s.ToString(), faults.For),
            panel = faults.Panel,
        }));

        control.MapPost("/faults/{service}", (string service, FaultRequest request, FaultSwitches faults, TimeProvider time) =>
        {
            if (!Enum.TryParse<SandboxService>(service, ignoreCase: true, out var which))
            {
                return Results.BadRequest(new { error = $"Unknown service '{service}'. Known: {string.Join(", ", Enum.GetNames<SandboxService>())}." });
            }

            Apply(faults, which, request, time);

            return Results.Ok(new { service = which.ToString() });
        });

        control.MapDelete("/faults", (FaultSwitches faults) =>
        {
            faults.Reset();

            return Results.NoContent();
        });

        control.MapGet("/calls", (string? service, CallLog calls) =>
        {
            SandboxService? which = Enum.TryParse<SandboxService>(service, ignoreCase: true, out var s) ? s : null;

            return Results.Json(calls.Calls(which), JsonOptions);
        });

        control.MapDelete("/calls", (CallLog calls) =>
        {
            calls.Clear();

            return Results.NoContent();
        });

        return app;
    }

    /// <summary>Applies a fault request; in-process tests call this directly.</summary>
    public static void Apply(FaultSwitches faults, SandboxService service, FaultRequest request, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(faults);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(time);
        var switches = faults.For(service);
        if (request.FailNext is { } failNext)
        {
            faults.FailNext(service, failNext, request.Status ?? 500, request.RetryAfterSeconds ?? 0);
        }

        switches.DelayMilliseconds = request.DelayMilliseconds ?? switches.DelayMilliseconds;
        switches.Unreachable = request.Unreachable ?? switches.Unreachable;
        if (service != SandboxService.Panel)
        {
            return;
        }

        faults.Panel.RefuseLogins = request.RefuseLogins ?? faults.Panel.RefuseLogins;
        faults.Panel.Maintenance = request.Maintenance ?? faults.Panel.Maintenance;
        faults.Panel.ThrottleLoginSeconds = request.ThrottleLoginSeconds ?? faults.Panel.ThrottleLoginSeconds;
        faults.Panel.ExportFaultCount = request.ExportFaultCount ?? faults.Panel.ExportFaultCount;
        faults.Panel.DashboardStall = request.DashboardStall ?? faults.Panel.DashboardStall;
        faults.Panel.DashboardStalls = request.DashboardStalls ?? faults.Panel.DashboardStalls;
        if (request.DashboardStallSeconds is { } stallSeconds)
        {
            faults.Panel.DashboardStallTime = TimeSpan.FromSeconds(stallSeconds);
        }
        if (request.ExpireSessions == true)
        {
            faults.Panel.SessionsValidFrom = time.GetUtcNow();
        }

        foreach (var (export, fault) in request.Exports ?? [])
        {
            faults.Panel.Exports[export] = fault;
        }
    }

    private static readonly System.Text.Json.JsonSerializerOptions JsonOptions = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };
}

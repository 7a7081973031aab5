namespace Andalan.Sandbox.Panel;

/// <summary>
/// Laravel's auth middleware for the panel's pages: without a signed-in, unexpired session a page redirects
/// to the login form (remembering the page for after the login) and a script's request answers 401.
/// </summary>
internal sealed class RequirePanelSession(PanelSessions sessions) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var session = sessions.Find(http);
        if (session is { IsAuthenticated: true })
        {
            http.Items[typeof(PanelSession)] = session;
            PanelLogin.NoStore(http);

            return await next(context);
        }

        if (WantsJson(http.Request))
        {
            return Results.Json(new { message = "Unauthenticated." }, statusCode: StatusCodes.Status401Unauthorized);
        }

        var guest = sessions.FindOrStart(http);
        if (HttpMethods.IsGet(http.Request.Method))
        {
            guest.IntendedUrl = http.Request.Path + http.Request.QueryString;
        }

        return Results.Redirect("/login");
    }

    /// <summary>The session the filter let through; only valid inside a handler behind it.</summary>
    public static PanelSession Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        return context.Items[typeof(PanelSession)] as PanelSession
            ?? throw new InvalidOperationException("The endpoint is not behind the panel's session filter.");
    }

    private static bool WantsJson(HttpRequest request) =>
        request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase)
        || string.Equals(request.Headers["X-Requested-With"], "XMLHttpRequest", StringComparison.Ordinal);
}

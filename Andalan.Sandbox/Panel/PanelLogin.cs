using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Andalan.Sandbox.Faults;
using Andalan.Sandbox.Hosting;

namespace Andalan.Sandbox.Panel;

/// <summary>The login form, the login itself and the logout, with Laravel's CSRF check and throttle.</summary>
internal static class PanelLogin
{
    public const string WrongCredentials = "These credentials do not match our records.";

    public static IResult ShowForm(HttpContext context, PanelSessions sessions)
    {
        var session = sessions.FindOrStart(context);
        if (session.IsAuthenticated)
        {
            return Results.Redirect("/dashboard");
        }

        var (error, email) = session.TakeFlash();
        NoStore(context);

        return PanelHtml.Page(PanelHtml.Guest("Masuk", Form(session.CsrfToken, error, email)));
    }

    public static async Task<IResult> SignIn(
        HttpContext context, PanelSessions sessions, LoginThrottle throttle, SandboxCredentials credentials,
        FaultSwitches faults)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var session = sessions.Find(context);
        if (session is null || !CarriesToken(context.Request, form["_token"], session))
        {
            return PanelHtml.PageExpired();
        }

        if (session.IsAuthenticated)
        {
            return Results.Redirect("/dashboard");
        }

        var email = form["email"].ToString().Trim();
        var password = form["password"].ToString();
        session.FlashedEmail = email;
        if (email.Length == 0 || password.Length == 0)
        {
            session.FlashedError = email.Length == 0
                ? "The email field is required."
                : "The password field is required.";

            return Results.Redirect("/login");
        }

        var locked = faults.Panel.ThrottleLoginSeconds > 0
            ? TimeSpan.FromSeconds(faults.Panel.ThrottleLoginSeconds)
            : throttle.LockedFor(email);
        if (locked > TimeSpan.Zero)
        {
            session.FlashedError = TooManyAttempts(locked);

            return Results.Redirect("/login");
        }

        if (faults.Panel.RefuseLogins || !Matches(email, password, credentials))
        {
            throttle.Fail(email);
            session.FlashedError = WrongCredentials;

            return Results.Redirect("/login");
        }

        throttle.Clear(email);
        session.TakeFlash();
        var signedIn = sessions.SignIn(context, session, credentials.PanelUser);
        var target = signedIn.IntendedUrl ?? "/dashboard";
        signedIn.IntendedUrl = null;

        return Results.Redirect(target);
    }

    public static async Task<IResult> SignOut(HttpContext context, PanelSessions sessions)
    {
        var form = context.Request.HasFormContentType
            ? await context.Request.ReadFormAsync(context.RequestAborted)
            : FormCollection.Empty;
        var session = sessions.Find(context);
        if (session is null || !CarriesToken(context.Request, form["_token"], session))
        {
            return PanelHtml.PageExpired();
        }

        sessions.SignOut(context, session);

        return Results.Redirect("/login");
    }

    /// <summary>Laravel's lockout message; the seconds count down with the clock.</summary>
    public static string TooManyAttempts(TimeSpan locked) => string.Create(
        CultureInfo.InvariantCulture,
        $"Too many login attempts. Please try again in {(int)Math.Ceiling(locked.TotalSeconds)} seconds.");

    /// <summary>
    /// The token from the form's <c>_token</c>, or from the headers scripts send (<c>X-CSRF-TOKEN</c>, or
    /// <c>X-XSRF-TOKEN</c> echoing the cookie), must be the session's.
    /// </summary>
    public static bool CarriesToken(HttpRequest request, string? formToken, PanelSession session)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(session);
        var token = formToken is { Length: > 0 }
            ? formToken
            : request.Headers["X-CSRF-TOKEN"].ToString() is { Length: > 0 } header
                ? header
                : request.Headers["X-XSRF-TOKEN"].ToString();

        return token.Length > 0 && FixedTimeEquals(token, session.CsrfToken);
    }

    internal static void NoStore(HttpContext context) =>
        context.Response.Headers.CacheControl = "no-cache, private";

    private static bool Matches(string email, string password, SandboxCredentials credentials) =>
        string.Equals(email, credentials.PanelUser, StringComparison.OrdinalIgnoreCase)
        && FixedTimeEquals(password, credentials.PanelPassword);

    private static bool FixedTimeEquals(string left, string right) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(left), Encoding.UTF8.GetBytes(right));

    private static string Form(string csrfToken, string? error, string? email)
    {
        var alert = error is null
            ? string.Empty
            : $"<div class=\"alert alert-danger\" role=\"alert\">{PanelHtml.Encode(error)}</div>";

        return $$"""
            <div class="auth-box">
              <div class="auth-logo">Andalan <b>ATK</b></div>
              <div class="card">
                <div class="card-body">
                  <p class="auth-message">Masuk untuk memulai sesi Anda</p>
                  {{alert}}
                  <form id="login-form" method="post" action="/login">
                    <input type="hidden" name="_token" value="{{PanelHtml.Encode(csrfToken)}}">
                    <div class="form-group">
                      <label for="email">Email</label>
                      <input id="email" name="email" type="email" value="{{PanelHtml.Encode(email)}}"
                        autocomplete="username" autofocus>
                    </div>
                    <div class="form-group">
                      <label for="password">Password</label>
                      <input id="password" name="password" type="password" autocomplete="current-password">
                    </div>
                    <div class="form-check">
                      <input id="remember" name="remember" type="checkbox">
                      <label for="remember">Ingat saya</label>
                    </div>
                    <button type="submit" class="btn btn-primary btn-block">Masuk</button>
                  </form>
                </div>
              </div>
            </div>
            """;
    }
}

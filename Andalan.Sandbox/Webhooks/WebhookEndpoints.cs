using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Andalan.Sandbox.Faults;
using Andalan.Sandbox.Hosting;

namespace Andalan.Sandbox.Webhooks;

/// <summary>
/// A webhook receiver: <c>POST /hooks/slack/{token}</c> behaves as a Slack incoming webhook (JSON with a
/// text field, "ok", 400 invalid_payload or no_text, 404 no_service for a wrong token, 429 with Retry-After
/// past one message a second); <c>POST /hooks/json/{token}</c> takes any JSON object and answers 204. What
/// arrived is under <c>/_sandbox/webhook</c>.
/// </summary>
public static class WebhookEndpoints
{
    /// <summary>Slack cuts a message's text beyond this many characters.</summary>
    public const int SlackTextLimit = 40_000;

    private const int BodyLimitBytes = 1024 * 1024;

    public static IServiceCollection AddWebhooks(this IServiceCollection services)
    {
        services.AddSingleton<WebhookLimits>();
        services.AddSingleton<WebhookInbox>();

        return services;
    }

    public static IEndpointRouteBuilder MapWebhooks(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost("/hooks/{shape}/{token}", ReceiveAsync).DisableAntiforgery();

        var control = app.MapGroup(FaultMiddleware.ControlPrefix);
        control.MapGet("/webhook", (WebhookInbox inbox) =>
            Results.Content(Render(inbox.Posts), "text/html; charset=utf-8"));
        control.MapGet("/webhook.json", (WebhookInbox inbox) => Results.Json(inbox.Posts));
        control.MapDelete("/webhook", (WebhookInbox inbox) =>
        {
            inbox.Clear();

            return Results.NoContent();
        });
        control.MapPost("/webhook/limits", (WebhookLimits request, WebhookLimits limits) =>
        {
            limits.MessagesPerSecond = request.MessagesPerSecond;

            return Results.Json(limits);
        });

        return app;
    }

    private static async Task<IResult> ReceiveAsync(
        string shape, string token, HttpRequest request, SandboxCredentials credentials, WebhookInbox inbox,
        WebhookLimits limits, TimeProvider time)
    {
        var slack = shape == "slack";
        if (!slack && shape != "json")
        {
            return Results.NotFound();
        }

        if (!CryptographicOperations.FixedTimeEquals(
            Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(credentials.WebhookToken)))
        {
            return Plain(HttpStatusCode.NotFound, "no_service");
        }

        var body = await ReadBodyAsync(request);
        if (body is null)
        {
            return Plain(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        }

        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(body);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return Plain(HttpStatusCode.BadRequest, "invalid_payload");
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            return Plain(HttpStatusCode.BadRequest, "invalid_payload");
        }

        var text = root.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        if (slack && string.IsNullOrEmpty(text))
        {
            return Plain(HttpStatusCode.BadRequest, "no_text");
        }

        var truncated = slack && text!.Length > SlackTextLimit;
        var (display, mentions) = slack ? SlackText.Read(truncated ? text![..SlackTextLimit] : text!) : (text, []);
        var wait = inbox.TryAccept(limits, time.GetUtcNow(), id => new WebhookPost(
            id, shape, time.GetUtcNow(), body, text, display, mentions, truncated));
        if (wait is { } seconds)
        {
            request.HttpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);

            return Plain(HttpStatusCode.TooManyRequests, "rate_limited");
        }

        return slack ? Plain(HttpStatusCode.OK, "ok") : Results.NoContent();
    }

    /// <summary>The body as text; null when it is larger than the receiver takes.</summary>
    private static async Task<string?> ReadBodyAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > BodyLimitBytes)
            {
                return null;
            }
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static IResult Plain(HttpStatusCode status, string text) =>
        Results.Text(text, "text/plain; charset=utf-8", Encoding.UTF8, (int)status);

    private static string Render(IReadOnlyList<WebhookPost> posts)
    {
        var page = new StringBuilder("""
            <!doctype html>
            <html lang="id"><head><meta charset="utf-8"><meta http-equiv="refresh" content="10">
            <title>Webhook (sandbox)</title>
            <style>body{font-family:system-ui,sans-serif;max-width:50rem;margin:1rem auto;padding:0 1rem}
            .post{border:1px solid #ccd;border-radius:.4rem;padding:.5rem .8rem;margin:.5rem 0}
            .text{white-space:pre-wrap;overflow-wrap:anywhere}.meta{color:#667;font-size:.8rem}
            pre{white-space:pre-wrap;background:#f3f4f6;font-size:.8rem}</style></head><body><h1>Webhook posts</h1>
            """);
        if (posts.Count == 0)
        {
            page.Append("<p>No posts yet.</p>");
        }

        foreach (var post in posts)
        {
            page.Append("<div class=\"post\"><div class=\"meta\">#").Append(post.Id).Append(' ')
                .Append(WebUtility.HtmlEncode(post.Shape)).Append(' ')
                .Append(WebUtility.HtmlEncode(post.ReceivedAt.ToString("u", System.Globalization.CultureInfo.InvariantCulture)))
                .Append("</div><div class=\"text\">").Append(WebUtility.HtmlEncode(post.DisplayText ?? string.Empty))
                .Append("</div><details><summary>body</summary><pre>").Append(WebUtility.HtmlEncode(post.Body))
                .Append("</pre></details></div>");
        }

        return page.Append("</body></html>").ToString();
    }
}

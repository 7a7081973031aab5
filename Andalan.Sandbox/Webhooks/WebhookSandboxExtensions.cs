using Andalan.Sandbox.Hosting;

namespace Andalan.Sandbox.Webhooks;

/// <summary>In-process access to the webhook receiver, for tests.</summary>
public static class WebhookSandboxExtensions
{
    /// <summary>The posts the receiver accepted, oldest first.</summary>
    public static WebhookInbox Webhook(this SandboxInstance sandbox)
    {
        ArgumentNullException.ThrowIfNull(sandbox);

        return sandbox.Services.GetRequiredService<WebhookInbox>();
    }

    /// <summary>The receiver's rate limit; zero it for tests that post back to back.</summary>
    public static WebhookLimits WebhookLimits(this SandboxInstance sandbox)
    {
        ArgumentNullException.ThrowIfNull(sandbox);

        return sandbox.Services.GetRequiredService<WebhookLimits>();
    }

    /// <summary>The receiver's URL, secret token included: Slack's behaviour or any JSON.</summary>
    public static Uri WebhookUrl(this SandboxInstance sandbox, bool slack)
    {
        ArgumentNullException.ThrowIfNull(sandbox);

        return sandbox.Addresses.WebhookUrl(sandbox.Credentials.WebhookToken, slack);
    }
}

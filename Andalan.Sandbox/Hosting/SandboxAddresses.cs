namespace Andalan.Sandbox.Hosting;

/// <summary>Where the sandbox listens, known once the server has started.</summary>
public sealed class SandboxAddresses
{
    /// <summary>The http base: panel, Sheets, OAuth, Telegram, identity and the control endpoints.</summary>
    public Uri BaseUrl { get; internal set; } = new("http://127.0.0.1/");

    /// <summary>The https base that Key Vault answers on.</summary>
    public Uri VaultUrl { get; internal set; } = new("https://127.0.0.1/");

    /// <summary>The OAuth token endpoint named as token_uri in the service account key.</summary>
    public Uri TokenUrl => new(BaseUrl, "/oauth2/token");

    /// <summary>The managed identity endpoint (App Service protocol) that issues Key Vault tokens.</summary>
    public Uri IdentityUrl => new(BaseUrl, "/msi/token");

    /// <summary>The webhook receiver for a token: Slack's incoming-webhook behaviour, or any JSON.</summary>
    public Uri WebhookUrl(string token, bool slack) => new(BaseUrl, $"/hooks/{(slack ? "slack" : "json")}/{token}");
}

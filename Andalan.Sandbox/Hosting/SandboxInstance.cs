using System.Text.Json;
using Andalan.Sandbox.Faults;

namespace Andalan.Sandbox.Hosting;

/// <summary>A started sandbox: its addresses, the settings the app needs, and its switches.</summary>
public sealed class SandboxInstance : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private readonly WebApplication _app;

    private SandboxInstance(WebApplication app, SandboxOptions options, SandboxAddresses addresses, IReadOnlyDictionary<string, string> values)
    {
        _app = app;
        Options = options;
        Addresses = addresses;
        Values = values;
    }

    public SandboxOptions Options { get; }

    public SandboxAddresses Addresses { get; }

    /// <summary>The app's settings for this sandbox, as local.settings.json's Values.</summary>
    public IReadOnlyDictionary<string, string> Values { get; }

    public IServiceProvider Services => _app.Services;

    public FaultSwitches Faults => _app.Services.GetRequiredService<FaultSwitches>();

    public CallLog Calls => _app.Services.GetRequiredService<CallLog>();

    public SandboxCredentials Credentials => _app.Services.GetRequiredService<SandboxCredentials>();

    internal static SandboxInstance Create(WebApplication app, SandboxOptions options)
    {
        var (http, https) = SandboxApp.ListeningOn(app);
        var addresses = app.Services.GetRequiredService<SandboxAddresses>();
        addresses.BaseUrl = http;
        addresses.VaultUrl = https;

        var values = AppSettings(app.Services.GetRequiredService<SandboxCredentials>(), addresses, options);
        if (options.SettingsFile is { Length: > 0 } file)
        {
            WriteSettingsFile(file, values);
        }

        return new SandboxInstance(app, options, addresses, values);
    }

    /// <summary>
    /// The settings an app needs to use this sandbox, under the names the app reads. Secrets appear both as
    /// plain values and as Key Vault secrets named with <c>--</c> for <c>:</c>.
    /// </summary>
    public static IReadOnlyDictionary<string, string> AppSettings(
        SandboxCredentials credentials, SandboxAddresses addresses, SandboxOptions options)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(addresses);
        ArgumentNullException.ThrowIfNull(options);
        var certificateFile = Path.Combine(options.WorkDirectory!, "sandbox-tls.pem");
        File.WriteAllText(certificateFile, credentials.TlsCertificatePem());

        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Andalan__Panel__BaseUrl"] = addresses.BaseUrl.ToString(),
            ["Andalan__Panel__Username"] = credentials.PanelUser,
            ["Andalan__Panel__Password"] = credentials.PanelPassword,
            ["Andalan__Sheets__BaseUrl"] = addresses.BaseUrl.ToString(),
            ["Andalan__Sheets__SpreadsheetId"] = options.SpreadsheetId,
            ["Andalan__Sheets__ServiceAccountJson"] = credentials.ServiceAccountJson(addresses.TokenUrl),
            ["Andalan__Telegram__BaseUrl"] = addresses.BaseUrl.ToString(),
            ["Andalan__Telegram__BotToken"] = credentials.BotToken,
            ["Andalan__Telegram__ChatId"] = credentials.ChatId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Andalan__Webhook__Url"] = addresses.WebhookUrl(credentials.WebhookToken, slack: false).ToString(),
            ["Andalan__KeyVault__VaultUri"] = addresses.VaultUrl.ToString(),
            ["Andalan__KeyVault__TrustedCertificatePath"] = certificateFile,
            ["IDENTITY_ENDPOINT"] = addresses.IdentityUrl.ToString(),
            ["IDENTITY_HEADER"] = credentials.IdentityHeader,
        };
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static void WriteSettingsFile(string file, IReadOnlyDictionary<string, string> values)
    {
        var full = Path.GetFullPath(file);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var document = new { IsEncrypted = false, Values = values };
        File.WriteAllText(full, JsonSerializer.Serialize(document, Indented));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(full, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}

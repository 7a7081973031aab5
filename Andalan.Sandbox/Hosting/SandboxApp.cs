using System.Net;
using Andalan.Sandbox.Data;
using Andalan.Sandbox.Faults;
using Andalan.Sandbox.KeyVault;
using Andalan.Sandbox.Panel;
using Andalan.Sandbox.Reports;
using Andalan.Sandbox.Sheets;
using Andalan.Sandbox.Telegram;
using Andalan.Sandbox.Webhooks;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Andalan.Sandbox.Hosting;

/// <summary>Builds and starts the sandbox: the same code serves `dotnet run` and tests hosting it in process.</summary>
public static class SandboxApp
{
    /// <summary>Command-line switches, for example <c>--port 0 --seed 7 --transactions 200000</c>.</summary>
    public static readonly Dictionary<string, string> SwitchMappings = new(StringComparer.Ordinal)
    {
        ["--port"] = "Sandbox:HttpPort",
        ["--https-port"] = "Sandbox:HttpsPort",
        ["--seed"] = "Sandbox:Seed",
        ["--transactions"] = "Sandbox:Transactions",
        ["--point-transactions"] = "Sandbox:PointTransactions",
        ["--users"] = "Sandbox:Users",
        ["--coin-payments"] = "Sandbox:CoinPayments",
        ["--history-days"] = "Sandbox:HistoryDays",
        ["--session-idle-minutes"] = "Sandbox:SessionIdleMinutes",
        ["--settings-file"] = "Sandbox:SettingsFile",
        ["--work-dir"] = "Sandbox:WorkDirectory",
        ["--sheets-writes-per-minute"] = "Sandbox:SheetsWritesPerMinute",
        ["--sheets-reads-per-minute"] = "Sandbox:SheetsReadsPerMinute",
        ["--secret-marker"] = "Sandbox:SecretMarker",
    };

    /// <summary>Starts a sandbox; dispose the result to stop it.</summary>
    public static async Task<SandboxInstance> StartAsync(
        SandboxOptions options, TimeProvider? time = null, Action<WebApplicationBuilder>? configure = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        configure?.Invoke(builder);

        var app = Build(builder, options, time ?? TimeProvider.System);
        await app.StartAsync(cancellationToken);

        return SandboxInstance.Create(app, options);
    }

    /// <summary>Registers the services and endpoints on a builder and builds the app.</summary>
    public static WebApplication Build(WebApplicationBuilder builder, SandboxOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        var credentials = SandboxCredentials.Generate(options.SecretMarker);
        var workDirectory = options.WorkDirectory is { Length: > 0 } dir
            ? Directory.CreateDirectory(dir).FullName
            : Directory.CreateTempSubdirectory("andalan-sandbox-").FullName;
        options.WorkDirectory = workDirectory;

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = 64 * 1024 * 1024;
            kestrel.Listen(IPAddress.Loopback, options.HttpPort);
            kestrel.Listen(IPAddress.Loopback, options.HttpsPort, listen => listen.UseHttps(credentials.TlsCertificate));
        });

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(credentials);
        builder.Services.AddSingleton(time);
        builder.Services.AddSingleton<FaultSwitches>();
        builder.Services.AddSingleton<CallLog>();
        builder.Services.AddSingleton<SandboxAddresses>();
        builder.Services.AddPanelData();
        builder.Services.AddReports();
        builder.Services.AddPanel();
        builder.Services.AddSheets();
        builder.Services.AddTelegram();
        builder.Services.AddWebhooks();
        builder.Services.AddKeyVault();

        var app = builder.Build();
        app.UseMiddleware<FaultMiddleware>();
        app.MapFaultControls();
        app.MapSandboxIndex();
        app.MapPanelData();
        app.MapPanel();
        app.MapSheets();
        app.MapSheetsEdits();
        app.MapTelegram();
        app.MapWebhooks();
        app.MapKeyVault();

        return app;
    }

    private static IEndpointRouteBuilder MapSandboxIndex(this IEndpointRouteBuilder app)
    {
        app.MapGet(FaultMiddleware.ControlPrefix, (SandboxAddresses addresses) => Results.Content($$"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>Andalan sandbox</title>
            <style>body{font-family:sans-serif;max-width:50rem;margin:2rem auto}code{background:#eee;padding:0 .2rem}</style>
            </head><body>
            <h1>Andalan sandbox</h1>
            <ul>
              <li><a href="/login">Admin panel</a> (credentials in the settings file)</li>
              <li><a href="/_sandbox/sheets">Google Sheets view</a></li>
              <li><a href="/_sandbox/chat">Telegram chat view</a></li>
              <li><a href="/_sandbox/webhook">Webhook posts</a> (Slack-like at /hooks/slack/{token}, any JSON at /hooks/json/{token})</li>
              <li><a href="/_sandbox/faults">Fault switches</a> (POST /_sandbox/faults/{service} to change)</li>
              <li><a href="/_sandbox/calls">Call log</a></li>
              <li>Key Vault: <code>{{addresses.VaultUrl}}</code></li>
            </ul>
            </body></html>
            """, "text/html; charset=utf-8"));

        return app;
    }

    internal static (Uri Http, Uri Https) ListeningOn(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.Select(a => new Uri(a.Replace("[::]", "127.0.0.1", StringComparison.Ordinal))).ToList();

        return (addresses.First(a => a.Scheme == Uri.UriSchemeHttp), addresses.First(a => a.Scheme == Uri.UriSchemeHttps));
    }
}

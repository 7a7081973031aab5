using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;

namespace Andalan.Sandbox.Hosting;

/// <summary>
/// Credentials the sandbox makes at start: nothing is committed or reused between starts.
/// </summary>
public sealed class SandboxCredentials : IDisposable
{
    private SandboxCredentials(
        RSA serviceAccountKey, X509Certificate2 tlsCertificate, string panelUser, string panelPassword,
        string botToken, long chatId, string identityHeader, string serviceAccountEmail, string privateKeyId,
        string webhookToken)
    {
        ServiceAccountKey = serviceAccountKey;
        TlsCertificate = tlsCertificate;
        PanelUser = panelUser;
        PanelPassword = panelPassword;
        BotToken = botToken;
        ChatId = chatId;
        IdentityHeader = identityHeader;
        ServiceAccountEmail = serviceAccountEmail;
        PrivateKeyId = privateKeyId;
        WebhookToken = webhookToken;
    }

    public string PanelUser { get; }

    public string PanelPassword { get; }

    /// <summary>The service account's key pair; the token endpoint verifies JWTs with its public half.</summary>
    public RSA ServiceAccountKey { get; }

    public string ServiceAccountEmail { get; }

    public string PrivateKeyId { get; }

    public string BotToken { get; }

    public long ChatId { get; }

    /// <summary>The secret header the managed identity endpoint expects (App Service's IDENTITY_HEADER).</summary>
    public string IdentityHeader { get; }

    /// <summary>The secret in the webhook receiver's paths, as Slack puts one in every incoming webhook URL.</summary>
    public string WebhookToken { get; }

    /// <summary>Self-signed certificate for 127.0.0.1 and localhost, served by the Key Vault endpoint.</summary>
    public X509Certificate2 TlsCertificate { get; }

    /// <summary>Makes fresh credentials.</summary>
    /// <param name="marker">
    /// Letters and digits put at the start of the panel password, the bot token's secret part and the identity
    /// header, so a test can search output for them; empty for none.
    /// </param>
    public static SandboxCredentials Generate(string? marker = null)
    {
        marker ??= string.Empty;
        if (marker.Length > 20 || !marker.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException("The secret marker is up to 20 ASCII letters and digits.", nameof(marker));
        }

        var botId = RandomNumberGenerator.GetInt32(100_000_000, 999_999_999);
        var botSecret = marker + RandomString(
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-", 35 - marker.Length);

        return new SandboxCredentials(
            RSA.Create(2048),
            CreateTlsCertificate(),
            panelUser: "admin@andalan-atk.test",
            panelPassword: marker + RandomString("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789", 20),
            botToken: $"{botId}:AA{botSecret}",
            chatId: -1_000_000_000_000 - RandomNumberGenerator.GetInt32(1, 999_999_999),
            identityHeader: marker + Convert.ToHexString(RandomNumberGenerator.GetBytes(16)),
            serviceAccountEmail: "andalan-exporter@andalan-sandbox.iam.gserviceaccount.com",
            privateKeyId: Convert.ToHexString(RandomNumberGenerator.GetBytes(20)).ToLowerInvariant(),
            webhookToken: RandomString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 24));
    }

    /// <summary>The service account key file, as Google's console hands it out.</summary>
    public string ServiceAccountJson(Uri tokenUri)
    {
        ArgumentNullException.ThrowIfNull(tokenUri);
        var pem = new string(PemEncoding.Write("PRIVATE KEY", ServiceAccountKey.ExportPkcs8PrivateKey()));

        return JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["type"] = "service_account",
            ["project_id"] = "andalan-sandbox",
            ["private_key_id"] = PrivateKeyId,
            ["private_key"] = pem + "\n",
            ["client_email"] = ServiceAccountEmail,
            ["client_id"] = "100000000000000000001",
            ["auth_uri"] = new Uri(tokenUri, "/o/oauth2/auth").ToString(),
            ["token_uri"] = tokenUri.ToString(),
        });
    }

    /// <summary>The TLS certificate's public part as PEM, for a client to trust.</summary>
    public string TlsCertificatePem() => new(PemEncoding.Write("CERTIFICATE", TlsCertificate.RawData));

    public void Dispose()
    {
        ServiceAccountKey.Dispose();
        TlsCertificate.Dispose();
    }

    private static string RandomString(string alphabet, int length) =>
        string.Create(length, alphabet, (span, a) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = a[RandomNumberGenerator.GetInt32(a.Length)];
            }
        });

    private static X509Certificate2 CreateTlsCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(
            "CN=Andalan Sandbox", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid("1.3.6.1.5.5.7.3.1")], critical: false));

        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));

        // Kestrel needs a certificate whose private key it can use; a PKCS#12 round trip gives one on Linux.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), password: null);
    }
}

using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Azure.Core.Pipeline;

namespace Andalan.Functions.Secrets;

/// <summary>
/// An HTTP transport that trusts the system's certificate authorities and, besides them, exactly one pinned
/// certificate: the sandbox vault's self-signed one. Nothing else that fails the system's checks passes.
/// </summary>
internal static class TrustedCertificateTransport
{
    public static HttpClientTransport Create(string pemPath, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(pemPath);
        ArgumentNullException.ThrowIfNull(time);
        var trusted = LoadPem(pemPath);
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                    errors == SslPolicyErrors.None || IsPinned(certificate, errors, trusted, time),
            },
        };

        return new HttpClientTransport(handler);
    }

    private static X509Certificate2 LoadPem(string pemPath)
    {
        var pem = File.ReadAllText(pemPath);
        if (!PemEncoding.TryFind(pem, out var fields) || pem[fields.Label] != "CERTIFICATE")
        {
            throw new InvalidOperationException($"{pemPath} does not hold a PEM certificate.");
        }

        return X509CertificateLoader.LoadCertificate(Convert.FromBase64String(pem[fields.Base64Data]));
    }

    private static bool IsPinned(
        X509Certificate? presented, SslPolicyErrors errors, X509Certificate2 trusted, TimeProvider time)
    {
        // A name mismatch or a missing certificate is never excused: only the chain (self-signed) error is.
        if (presented is null || errors != SslPolicyErrors.RemoteCertificateChainErrors)
        {
            return false;
        }

        var now = time.GetLocalNow().DateTime;

        return presented.GetRawCertData().AsSpan().SequenceEqual(trusted.RawData)
            && now >= trusted.NotBefore && now <= trusted.NotAfter;
    }
}

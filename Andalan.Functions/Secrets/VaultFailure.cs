using System.Net.Http;
using Azure;
using Azure.Identity;

namespace Andalan.Functions.Secrets;

/// <summary>Turns a Key Vault or identity failure into words an operator can act on, without any secret.</summary>
internal static class VaultFailure
{
    public static bool IsVaultFailure(Exception exception) => exception switch
    {
        // Azure.Core reports a request that failed on every retry as all the attempts' failures together.
        AggregateException aggregate => aggregate.InnerExceptions.All(IsVaultFailure),
        _ => exception is RequestFailedException or AuthenticationFailedException or CredentialUnavailableException
            or HttpRequestException,
    };

    public static SecretsUnavailableException Explain(Uri vaultUri, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(vaultUri);
        ArgumentNullException.ThrowIfNull(exception);
        var failure = exception is AggregateException { InnerExceptions.Count: > 0 } aggregate
            ? aggregate.InnerExceptions[^1]
            : exception;
        var (reason, check) = failure switch
        {
            CredentialUnavailableException or AuthenticationFailedException => (
                "no access token could be obtained for it",
                "in Azure, that the function app has a managed identity (and AZURE_CLIENT_ID names it when it is " +
                "user-assigned); locally, that IDENTITY_ENDPOINT/IDENTITY_HEADER or your own Azure login are set"),
            RequestFailedException { Status: 401 or 403 } failed => (
                $"it refused access (HTTP {failed.Status} {failed.ErrorCode})",
                "that the app's identity has the 'Key Vault Secrets User' role on this vault and that the vault's " +
                "firewall lets the app in"),
            RequestFailedException { Status: 0 } failed => (
                $"it could not be reached ({Innermost(failed)})",
                "that Andalan__KeyVault__VaultUri is right, that the vault exists and that the network allows it"),
            RequestFailedException failed => (
                $"it answered HTTP {failed.Status} {failed.ErrorCode}",
                "the vault's state in the Azure portal"),
            _ => (
                $"it could not be reached ({Innermost(failure)})",
                "that Andalan__KeyVault__VaultUri is right, that the vault exists and that the network allows it"),
        };

        return new SecretsUnavailableException(
            $"Key Vault {vaultUri} could not be read at start-up: {reason}. Check {check}.", exception);
    }

    private static string Innermost(Exception exception)
    {
        while (exception.InnerException is not null)
        {
            exception = exception.InnerException;
        }

        var firstLine = exception.Message.Split('\n', 2)[0].Trim();

        return firstLine.Length > 200 ? firstLine[..200] : firstLine;
    }
}

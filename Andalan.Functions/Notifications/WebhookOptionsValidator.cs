using System.Net;
using Microsoft.Extensions.Options;

namespace Andalan.Functions.Notifications;

/// <summary>An enabled webhook needs a URL: https, or http to this machine only. Messages never show the URL.</summary>
internal sealed class WebhookOptionsValidator : IValidateOptions<WebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhookOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        if (options.Url is null)
        {
            return ValidateOptionsResult.Fail(
                $"{WebhookOptions.SectionName}:Url is not set (set it, as the setting Andalan__Webhook__Url or the Key Vault " +
                "secret Andalan--Webhook--Url, or Enabled=false).");
        }

        var url = options.Url;
        var allowed = url.IsAbsoluteUri
            && (url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && IsLoopback(url)));

        return allowed
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"{WebhookOptions.SectionName}:Url must be an absolute https URL (http only to this machine); " +
                "the value is not shown because webhook URLs carry a secret.");
    }

    private static bool IsLoopback(Uri url) =>
        url.IsLoopback || (IPAddress.TryParse(url.Host, out var address) && IPAddress.IsLoopback(address));
}

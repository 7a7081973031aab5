using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Andalan.Functions.Backend;

/// <summary>The panel settings' rules that data annotations cannot state; every problem is reported at once.</summary>
internal sealed class PanelOptionsValidator : IValidateOptions<PanelOptions>
{
    public ValidateOptionsResult Validate(string? name, PanelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        const string Where = PanelOptions.SectionName;

        if (options.BaseUrl is { } baseUrl &&
            (!baseUrl.IsAbsoluteUri || (baseUrl.Scheme != Uri.UriSchemeHttp && baseUrl.Scheme != Uri.UriSchemeHttps)))
        {
            problems.Add($"{Where}:BaseUrl must be an absolute http or https address.");
        }

        if (!options.LoginPath.StartsWith('/'))
        {
            problems.Add($"{Where}:LoginPath must start with '/', for example /login.");
        }

        CheckPattern(options.LoginThrottledPattern, "LoginThrottledPattern", problems);
        CheckPattern(options.MaintenancePattern, "MaintenancePattern", problems);
        if (!options.LoginThrottledPattern.Contains("(?<seconds>", StringComparison.Ordinal))
        {
            problems.Add($"{Where}:LoginThrottledPattern needs a group named 'seconds'.");
        }

        try
        {
            _ = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
        }
        catch (TimeZoneNotFoundException)
        {
            problems.Add($"{Where}:TimeZone '{options.TimeZone}' is not a known time zone.");
        }

        try
        {
            _ = new DateOnly(2025, 9, 14).ToString(options.DateInputFormat, CultureInfo.InvariantCulture);
        }
        catch (FormatException)
        {
            problems.Add($"{Where}:DateInputFormat '{options.DateInputFormat}' is not a date format.");
        }

        if (!File.Exists(options.ChromiumPath))
        {
            problems.Add(
                $"{Where}:ChromiumPath '{options.ChromiumPath}' does not exist; install Debian's chromium-headless-shell (or chromium) or set the path.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static void CheckPattern(string pattern, string setting, List<string> problems)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException)
        {
            problems.Add($"{PanelOptions.SectionName}:{setting} is not a valid regular expression.");
        }
    }
}

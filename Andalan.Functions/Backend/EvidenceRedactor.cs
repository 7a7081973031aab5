using System.Text.RegularExpressions;

namespace Andalan.Functions.Backend;

/// <summary>
/// Removes secrets from a page's HTML before it is kept as evidence: the values of password fields, of hidden
/// token inputs (<c>_token</c>, csrf, xsrf, nonce) and of csrf meta tags, and then every other occurrence of
/// those values and of the caller's known secrets (the password, cookie values) anywhere in the text, such
/// as a token repeated in a script.
/// </summary>
public static partial class EvidenceRedactor
{
    public const string Mask = "[removed]";

    public static string Redact(string html, IEnumerable<string> knownSecrets)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(knownSecrets);
        var secrets = new HashSet<string>(knownSecrets.Where(IsWorthMasking), StringComparer.Ordinal);

        var redacted = InputTag().Replace(html, tag =>
        {
            var text = tag.Value;
            var type = AttributeValue(text, "type");
            var name = AttributeValue(text, "name") ?? AttributeValue(text, "id") ?? string.Empty;
            var secret = string.Equals(type, "password", StringComparison.OrdinalIgnoreCase) || TokenName().IsMatch(name);

            return secret ? MaskAttribute(text, "value", secrets) : text;
        });

        redacted = MetaTag().Replace(redacted, tag =>
        {
            var name = AttributeValue(tag.Value, "name") ?? AttributeValue(tag.Value, "property") ?? string.Empty;

            return TokenName().IsMatch(name) ? MaskAttribute(tag.Value, "content", secrets) : tag.Value;
        });

        // Longest first, so a secret that contains another is masked whole.
        foreach (var secret in secrets.OrderByDescending(s => s.Length))
        {
            redacted = redacted.Replace(secret, Mask, StringComparison.Ordinal);
            var encoded = System.Net.WebUtility.HtmlEncode(secret);
            if (encoded != secret)
            {
                redacted = redacted.Replace(encoded, Mask, StringComparison.Ordinal);
            }
        }

        return redacted;
    }

    // Very short values (a "1", "on") would mask ordinary text without protecting anything.
    private static bool IsWorthMasking(string value) => !string.IsNullOrEmpty(value) && value.Length >= 4;

    private static string MaskAttribute(string tag, string attribute, HashSet<string> secrets) =>
        AttributePattern(attribute).Replace(tag, match =>
        {
            var value = match.Groups["dq"].Success ? match.Groups["dq"].Value
                : match.Groups["sq"].Success ? match.Groups["sq"].Value
                : match.Groups["bare"].Value;
            if (IsWorthMasking(value))
            {
                secrets.Add(System.Net.WebUtility.HtmlDecode(value));
                secrets.Add(value);
            }

            return $"{match.Groups["name"].Value}=\"{Mask}\"";
        });

    private static string? AttributeValue(string tag, string attribute)
    {
        var match = AttributePattern(attribute).Match(tag);
        if (!match.Success)
        {
            return null;
        }

        return match.Groups["dq"].Success ? match.Groups["dq"].Value
            : match.Groups["sq"].Success ? match.Groups["sq"].Value
            : match.Groups["bare"].Value;
    }

    private static Regex AttributePattern(string attribute) => attribute switch
    {
        "type" => TypeAttribute(),
        "name" => NameAttribute(),
        "id" => IdAttribute(),
        "value" => ValueAttribute(),
        "content" => ContentAttribute(),
        "property" => PropertyAttribute(),
        _ => throw new ArgumentOutOfRangeException(nameof(attribute), attribute, "No pattern for this attribute."),
    };

    private const string Quoted = @"\s*=\s*(?:""(?<dq>[^""]*)""|'(?<sq>[^']*)'|(?<bare>[^\s""'>]+))";

    [GeneratedRegex(@"<input\b[^>]*>", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 5000)]
    private static partial Regex InputTag();

    [GeneratedRegex(@"<meta\b[^>]*>", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 5000)]
    private static partial Regex MetaTag();

    [GeneratedRegex(@"_token|csrf|xsrf|nonce|authenticity", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex TokenName();

    [GeneratedRegex(@"(?<=\s)(?<name>type)" + Quoted, RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex TypeAttribute();

    [GeneratedRegex(@"(?<=\s)(?<name>name)" + Quoted, RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex NameAttribute();

    [GeneratedRegex(@"(?<=\s)(?<name>id)" + Quoted, RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex IdAttribute();

    [GeneratedRegex(@"(?<=\s)(?<name>value)" + Quoted, RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ValueAttribute();

    [GeneratedRegex(@"(?<=\s)(?<name>content)" + Quoted, RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ContentAttribute();

    [GeneratedRegex(@"(?<=\s)(?<name>property)" + Quoted, RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PropertyAttribute();
}

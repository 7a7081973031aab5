using Andalan.Functions.Backend;

namespace Andalan.Functions.Tests.Backend;

public sealed class EvidenceRedactorTests
{
    private const string Page = """
        <html><head>
        <meta name="csrf-token" content="tok3nFromMeta0123456789">
        <meta name="viewport" content="width=device-width">
        <script>window.Laravel = { csrfToken: 'tok3nFromMeta0123456789' };</script>
        </head><body>
        <form id="login-form" method="post" action="/login">
          <input type="hidden" name="_token" value="hiddenT0ken9876543210">
          <input type="email" name="email" value="admin@andalan-atk.test">
          <input name='password' type='password' value='S3cretPassw0rd!'>
          <input type="hidden" name="page" value="2">
        </form>
        <p>Session abcdefCookieValue123 and hiddenT0ken9876543210 repeated.</p>
        </body></html>
        """;

    [Fact]
    public void Redact_LoginPage_RemovesPasswordTokensAndKnownSecrets()
    {
        var redacted = EvidenceRedactor.Redact(Page, ["abcdefCookieValue123"]);

        Assert.DoesNotContain("S3cretPassw0rd!", redacted, StringComparison.Ordinal);
        Assert.DoesNotContain("hiddenT0ken9876543210", redacted, StringComparison.Ordinal);
        Assert.DoesNotContain("tok3nFromMeta0123456789", redacted, StringComparison.Ordinal);
        Assert.DoesNotContain("abcdefCookieValue123", redacted, StringComparison.Ordinal);
    }

    [Fact]
    public void Redact_OrdinaryFields_KeepsThemForTheReader()
    {
        var redacted = EvidenceRedactor.Redact(Page, []);

        Assert.Contains("value=\"admin@andalan-atk.test\"", redacted, StringComparison.Ordinal);
        Assert.Contains("name=\"page\" value=\"2\"", redacted, StringComparison.Ordinal);
        Assert.Contains("content=\"width=device-width\"", redacted, StringComparison.Ordinal);
        Assert.Contains("<form id=\"login-form\"", redacted, StringComparison.Ordinal);
    }

    [Fact]
    public void Redact_HtmlEncodedSecret_RemovesTheEncodedForm()
    {
        var html = "<p>pw: a&lt;b&amp;c&quot;d</p>";

        var redacted = EvidenceRedactor.Redact(html, ["a<b&c\"d"]);

        Assert.Equal("<p>pw: [removed]</p>", redacted);
    }
}

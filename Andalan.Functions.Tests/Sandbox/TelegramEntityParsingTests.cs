using Andalan.Sandbox.Telegram;

namespace Andalan.Functions.Tests.Sandbox;

public sealed class TelegramEntityParsingTests
{
    [Fact]
    public void Parse_NestedSupportedTags_ReturnsPlainTextAndEntities()
    {
        const string html = "<b>Halo <i>dunia</i></b> &amp; &lt;3 <a href=\"https://andalan.test/?a=1&amp;b=2\">tautan</a>";

        var text = TelegramHtmlParser.Parse(html);

        Assert.Equal("Halo dunia & <3 tautan", text.PlainText);
        Assert.Contains(new MessageEntity("bold", 0, 10), text.Entities);
        Assert.Contains(new MessageEntity("italic", 5, 5), text.Entities);
        Assert.Contains(new MessageEntity("text_link", 16, 6, "https://andalan.test/?a=1&b=2"), text.Entities);
    }

    [Theory]
    [InlineData("<b>unclosed", "Can't find end tag corresponding to start tag \"b\"")]
    [InlineData("total < 5", "Unsupported start tag \"\" at byte offset 6")]
    [InlineData("Tom & Jerry", "Unescaped \"&\" at byte offset 4")]
    [InlineData("a > b", "Unescaped \">\" at byte offset 2")]
    [InlineData("<div>x</div>", "Unsupported start tag \"div\" at byte offset 0")]
    [InlineData("<b><i>x</b></i>", "Unmatched end tag at byte offset 7, expected \"</i>\", found \"</b>\"")]
    [InlineData("x</b>", "Unexpected end tag at byte offset 1")]
    [InlineData("<span>x</span>", "Tag \"span\" must have class \"tg-spoiler\" at byte offset 0")]
    public void Parse_BadHtml_ThrowsWithTelegramsDescription(string html, string expected)
    {
        var error = Assert.Throws<EntityParseException>(() => TelegramHtmlParser.Parse(html));

        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void Parse_ByteOffsets_CountUtf8BytesAsTelegramDoes()
    {
        var error = Assert.Throws<EntityParseException>(() => TelegramHtmlParser.Parse("Rp é <x>"));

        Assert.Equal("Unsupported start tag \"x\" at byte offset 6", error.Message);
    }

    [Fact]
    public void ToSafeHtml_ScriptAndJavascriptLink_RendersThemInert()
    {
        var text = TelegramHtmlParser.Parse("&lt;script&gt;alert(1)&lt;/script&gt; <a href=\"javascript:alert(1)\">x</a>");

        var html = text.ToSafeHtml();

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseMarkdownV2_EscapedReservedCharacters_ReturnsEntities()
    {
        var text = TelegramMarkdownParser.Parse("*Total* 1\\.250 baris \\(baru\\) __u__ ||s|| `a.b` [ok](https://x.test/a\\)b)");

        Assert.Equal("Total 1.250 baris (baru) u s a.b ok", text.PlainText);
        Assert.Equal(
            ["bold", "underline", "spoiler", "code", "text_link"],
            text.Entities.Select(e => e.Type));
        Assert.Equal("https://x.test/a)b", text.Entities[^1].Url);
    }

    [Theory]
    [InlineData("Selesai.", "Character '.' is reserved and must be escaped with the preceding '\\'")]
    [InlineData("Poin -150", "Character '-' is reserved and must be escaped with the preceding '\\'")]
    [InlineData("*tebal", "Can't find end of Bold entity at byte offset 0")]
    public void ParseMarkdownV2_UnescapedOrUnclosed_Throws(string markdown, string expected)
    {
        var error = Assert.Throws<EntityParseException>(() => TelegramMarkdownParser.Parse(markdown));

        Assert.Equal(expected, error.Message);
    }
}

using System.Text;
using Andalan.Functions.Notifications;
using Andalan.Sandbox.Telegram;

namespace Andalan.Functions.Tests.Notifications;

public sealed class TelegramMessageSplitterTests
{
    [Fact]
    public void Split_UnderTheLimit_ReturnsTheMessageUnchanged()
    {
        const string html = "<b>Ringkasan</b>\nDibaca 1.250 baris";

        var parts = TelegramMessageSplitter.Split(html);

        Assert.Equal([html], parts);
    }

    [Fact]
    public void Split_ManyLines_CutsAtLineBreaksWithEveryPartUnderTheLimit()
    {
        var lines = Enumerable.Range(1, 400).Select(i => $"<b>Baris {i}</b>: ekspor &amp; impor selesai tanpa galat").ToList();
        var html = string.Join('\n', lines);

        var parts = TelegramMessageSplitter.Split(html);

        Assert.True(parts.Count >= 4, $"{parts.Count} parts");
        var parsed = parts.Select(TelegramHtmlParser.Parse).ToList();
        Assert.All(parsed, p => Assert.InRange(p.PlainText.Length, 1, TelegramMessageSplitter.MessageLimit));
        Assert.Equal(
            string.Join('\n', lines.Select(TelegramHtml.ToPlainText)),
            string.Join('\n', parsed.Select(p => p.PlainText)));
    }

    [Fact]
    public void Split_TagOpenAcrossTheCut_ClosesItAndOpensItAgain()
    {
        const string html = "<b>satu\ndua\n<i>tiga\nempat</i>\nlima</b>";

        var parts = TelegramMessageSplitter.Split(html, limit: 10);

        Assert.Equal(["<b>satu\ndua</b>", "<b><i>tiga</i></b>", "<b><i>empat</i>\nlima</b>"], parts);
        Assert.All(parts, p => TelegramHtmlParser.Parse(p));
    }

    [Fact]
    public void Split_LineLongerThanTheLimit_CutsAtSpacesNeverInsideAnEntity()
    {
        var html = "<code>" + string.Join(' ', Enumerable.Repeat("a&amp;b", 30)) + "</code>";

        var parts = TelegramMessageSplitter.Split(html, limit: 20);

        var parsed = parts.Select(TelegramHtmlParser.Parse).ToList();
        Assert.All(parsed, p => Assert.InRange(p.PlainText.Length, 1, 20));
        Assert.All(parsed, p => Assert.Equal("code", Assert.Single(p.Entities).Type));
        Assert.Equal(
            string.Join(' ', Enumerable.Repeat("a&b", 30)),
            string.Join(' ', parsed.Select(p => p.PlainText)));
    }

    [Fact]
    public void Split_NoSpaceToCutAt_CutsBetweenCharactersKeepingSurrogatePairs()
    {
        var html = new StringBuilder().Insert(0, "😀", 15).ToString();

        var parts = TelegramMessageSplitter.Split(html, limit: 7);

        Assert.All(parts, p => Assert.InRange(p.Length, 2, 6));
        Assert.Equal(html, string.Concat(parts));
    }
}

using Andalan.Functions.Notifications;

namespace Andalan.Functions.Tests.Notifications;

public sealed class WebhookPayloadTests
{
    [Fact]
    public void SlackEscape_ControlCharacters_BecomeEntities()
    {
        Assert.Equal("&lt;!channel&gt; &amp; &lt;@U1&gt; \"ok\"", WebhookPayload.SlackEscape("<!channel> & <@U1> \"ok\""));
    }

    [Fact]
    public void Limit_LongText_IsCutWithANoteAndNeverSplitsASurrogatePair()
    {
        var text = new string('a', 97) + "😀" + new string('b', 50);

        var cut = WebhookPayload.Limit(text, 100);

        Assert.InRange(cut.Length, 90, 100);
        Assert.EndsWith("… (dipotong)", cut, StringComparison.Ordinal);
        Assert.False(cut.Any(char.IsHighSurrogate) && !cut.Contains("😀", StringComparison.Ordinal));
    }

    [Fact]
    public void RunStarted_SlackShape_EscapedTextStaysWithinTheLimit()
    {
        var notice = new RunStartedNotice("r-1", "timer", [.. Enumerable.Repeat("<&>", 200)], DateTimeOffset.UnixEpoch);

        var body = System.Text.Json.JsonDocument.Parse(WebhookPayload.RunStarted(notice, WebhookFormat.Slack, 300));
        var text = body.RootElement.GetProperty("text").GetString()!;

        Assert.InRange(text.Length, 200, 300);
        Assert.DoesNotContain('<', text);
    }
}

using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Andalan.Functions.Tests.Fixtures;
using Andalan.Sandbox.Hosting;
using Andalan.Sandbox.Telegram;
using Microsoft.Extensions.Time.Testing;

namespace Andalan.Functions.Tests.Sandbox;

public sealed class TelegramEndpointsTests : IClassFixture<SandboxFixture>
{
    private static readonly DateTimeOffset Morning =
        DateTimeOffset.Parse("2025-09-14T01:00:00Z", CultureInfo.InvariantCulture);

    private readonly SandboxFixture _fixture;

    public TelegramEndpointsTests(SandboxFixture fixture)
    {
        _fixture = fixture;

        // These tests send as fast as they can; the flood limits have tests of their own below.
        fixture.Sandbox.TelegramLimits().MessagesPerSecond = 0;
        fixture.Sandbox.TelegramLimits().GroupMessagesPerMinute = 0;
    }

    private SandboxInstance Sandbox => _fixture.Sandbox;

    [Fact]
    public async Task GetMe_WrongToken_Answers401Unauthorized()
    {
        using var response = await _fixture.Http.GetAsync(new Uri("/bot123456789:AAwrong/getMe", UriKind.Relative));

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(body.RootElement.GetProperty("ok").GetBoolean());
        Assert.Equal(401, body.RootElement.GetProperty("error_code").GetInt32());
        Assert.Equal("Unauthorized", body.RootElement.GetProperty("description").GetString());
    }

    [Fact]
    public async Task GetMe_RightToken_AnswersTheBot()
    {
        using var response = await _fixture.Http.GetAsync(BotUri("getMe"));

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(body.RootElement.GetProperty("result").GetProperty("is_bot").GetBoolean());
    }

    [Fact]
    public async Task SendMessage_GoodHtml_IsShownFormattedInTheChatViews()
    {
        var marker = Guid.NewGuid().ToString("N");
        var text = $"<b>{marker}</b> &lt;ok&gt;";

        using var response = await SendAsync(new { chat_id = Sandbox.Credentials.ChatId, text, parse_mode = "HTML" });

        var result = await ResultAsync(response);
        Assert.Equal($"{marker} <ok>", result.GetProperty("text").GetString());
        Assert.Equal("bold", result.GetProperty("entities")[0].GetProperty("type").GetString());
        var page = await _fixture.Http.GetStringAsync(new Uri("/_sandbox/chat", UriKind.Relative));
        Assert.Contains($"<b>{marker}</b> &lt;ok&gt;", page, StringComparison.Ordinal);
        var json = await _fixture.Http.GetFromJsonAsync<JsonElement>(new Uri("/_sandbox/chat.json", UriKind.Relative));
        Assert.Contains(json.EnumerateArray(), m => m.GetProperty("text").GetString() == $"{marker} <ok>");
        Assert.Contains(Sandbox.Chat().Messages, m => m.Text == $"{marker} <ok>");
    }

    [Theory]
    [InlineData("<b>unclosed", "Bad Request: can't parse entities: Can't find end tag corresponding to start tag \"b\"")]
    [InlineData("stok < 5", "Bad Request: can't parse entities: Unsupported start tag \"\" at byte offset 5")]
    public async Task SendMessage_BadHtml_Answers400CantParseEntities(string text, string description)
    {
        using var response = await SendAsync(new { chat_id = Sandbox.Credentials.ChatId, text, parse_mode = "HTML" });

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(description, body.RootElement.GetProperty("description").GetString());
    }

    [Fact]
    public async Task SendMessage_LengthAfterEntityParsing_Decides()
    {
        var atLimit = "<b>" + new string('a', 4096) + "</b>";
        var overLimit = new string('a', 4097);

        using var accepted = await SendAsync(new { chat_id = Sandbox.Credentials.ChatId, text = atLimit, parse_mode = "HTML" });
        using var refused = await SendAsync(new { chat_id = Sandbox.Credentials.ChatId, text = overLimit });

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        using var body = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("Bad Request: message is too long", body.RootElement.GetProperty("description").GetString());
    }

    [Fact]
    public async Task SendMessage_UnknownChat_Answers400ChatNotFound()
    {
        using var response = await SendAsync(new { chat_id = 42, text = "halo" });

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Bad Request: chat not found", body.RootElement.GetProperty("description").GetString());
    }

    [Fact]
    public async Task SendMessage_FormEncodedMarkdownV2_IsAccepted()
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["chat_id"] = Sandbox.Credentials.ChatId.ToString(CultureInfo.InvariantCulture),
            ["text"] = "*Selesai* 100\\%",
            ["parse_mode"] = "MarkdownV2",
        });

        using var response = await _fixture.Http.PostAsync(BotUri("sendMessage"), form);

        var result = await ResultAsync(response);
        Assert.Equal("Selesai 100%", result.GetProperty("text").GetString());
    }

    [Fact]
    public async Task SendDocument_Multipart_KeepsTheFileAndCaption()
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(Sandbox.Credentials.ChatId.ToString(CultureInfo.InvariantCulture)), "chat_id" },
            { new StringContent("<i>Bukti</i> gagal"), "caption" },
            { new StringContent("HTML"), "parse_mode" },
        };
        var file = new ByteArrayContent([1, 2, 3, 4]);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/png");
        form.Add(file, "document", "layar.png");

        using var response = await _fixture.Http.PostAsync(BotUri("sendDocument"), form);

        var result = await ResultAsync(response);
        Assert.Equal("layar.png", result.GetProperty("document").GetProperty("file_name").GetString());
        Assert.Equal("Bukti gagal", result.GetProperty("caption").GetString());
        var fileId = result.GetProperty("document").GetProperty("file_id").GetString();
        var bytes = await _fixture.Http.GetByteArrayAsync(new Uri($"/_sandbox/chat/files/{fileId}", UriKind.Relative));
        Assert.Equal([1, 2, 3, 4], bytes);
    }

    [Fact]
    public async Task SendMessage_FasterThanOnePerSecond_Answers429WithRetryAfterUntilTimePasses()
    {
        var time = new FakeTimeProvider(Morning);
        await using var sandbox = await SandboxApp.StartAsync(new SandboxOptions(), time);
        using var http = new HttpClient { BaseAddress = sandbox.Addresses.BaseUrl };
        var message = new { chat_id = sandbox.Credentials.ChatId, text = "halo" };
        var uri = new Uri($"/bot{sandbox.Credentials.BotToken}/sendMessage", UriKind.Relative);

        using var first = await http.PostAsJsonAsync(uri, message);
        using var second = await http.PostAsJsonAsync(uri, message);
        time.Advance(TimeSpan.FromSeconds(1));
        using var third = await http.PostAsJsonAsync(uri, message);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal((HttpStatusCode)429, second.StatusCode);
        using var body = JsonDocument.Parse(await second.Content.ReadAsStringAsync());
        Assert.Equal(1, body.RootElement.GetProperty("parameters").GetProperty("retry_after").GetInt32());
        Assert.Equal("Too Many Requests: retry after 1", body.RootElement.GetProperty("description").GetString());
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
    }

    [Fact]
    public async Task SendMessage_MoreThanGroupLimitInAMinute_Answers429UntilTheMinutePasses()
    {
        var time = new FakeTimeProvider(Morning);
        await using var sandbox = await SandboxApp.StartAsync(new SandboxOptions(), time);
        using var http = new HttpClient { BaseAddress = sandbox.Addresses.BaseUrl };
        using var limits = JsonContent.Create(new { messagesPerSecond = 0, groupMessagesPerMinute = 3 });
        (await http.PostAsync(new Uri("/_sandbox/telegram/limits", UriKind.Relative), limits)).EnsureSuccessStatusCode();
        var uri = new Uri($"/bot{sandbox.Credentials.BotToken}/sendMessage", UriKind.Relative);
        var statuses = new List<HttpStatusCode>();
        var retryAfter = 0;

        for (var i = 0; i < 4; i++)
        {
            var message = new { chat_id = sandbox.Credentials.ChatId, text = $"pesan {i}" };
            using var response = await http.PostAsJsonAsync(uri, message);
            statuses.Add(response.StatusCode);
            time.Advance(TimeSpan.FromSeconds(5));
            if (response.StatusCode == (HttpStatusCode)429)
            {
                using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                retryAfter = body.RootElement.GetProperty("parameters").GetProperty("retry_after").GetInt32();
            }
        }

        time.Advance(TimeSpan.FromSeconds(retryAfter));
        using var later = await http.PostAsJsonAsync(uri, new { chat_id = sandbox.Credentials.ChatId, text = "nanti" });

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, (HttpStatusCode)429], statuses);
        Assert.Equal(45, retryAfter);
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
        Assert.Equal(4, sandbox.Chat().Messages.Count);
    }

    private Uri BotUri(string method) => new($"/bot{Sandbox.Credentials.BotToken}/{method}", UriKind.Relative);

    private Task<HttpResponseMessage> SendAsync(object message) =>
        _fixture.Http.PostAsJsonAsync(BotUri("sendMessage"), message);

    private static async Task<JsonElement> ResultAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        using var body = JsonDocument.Parse(text);

        return body.RootElement.GetProperty("result").Clone();
    }
}

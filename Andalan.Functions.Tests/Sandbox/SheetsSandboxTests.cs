using System.IO.Compression;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Andalan.Functions.Tests.Fixtures;
using Andalan.Functions.Tests.Sheets;
using Andalan.Sandbox.Sheets;

namespace Andalan.Functions.Tests.Sandbox;

/// <summary>The Sheets stand-in behaves like Sheets v4 where the app could go wrong.</summary>
public sealed class SheetsSandboxTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    [Theory]
    [InlineData("'Transaksi Poin'!A1:I", "Transaksi Poin", 0, 0, null, 9)]
    [InlineData("'It''s'!B2", "It's", 1, 1, 2, 2)]
    [InlineData("Data!A:C", "Data", null, 0, null, 3)]
    [InlineData("C5:A1", null, 0, 0, 5, 3)]
    [InlineData("2:5", null, 1, null, 5, null)]
    [InlineData("Data", "Data", null, null, null, null)]
    public void A1Range_Parse_ReadsSheetAndBounds(
        string text, string? sheet, int? startRow, int? startColumn, int? endRow, int? endColumn)
    {
        var range = A1Range.Parse(text, title => title == "Data");

        Assert.Equal(new A1Range(sheet, startRow, startColumn, endRow, endColumn), range);
    }

    [Theory]
    [InlineData("Sheet1!")]
    [InlineData("A1:B2:C3")]
    [InlineData("'Unclosed!A1")]
    [InlineData("5:B")]
    public void A1Range_ParseMalformed_ThrowsUnableToParse(string text)
    {
        var error = Assert.Throws<SheetsException>(() => A1Range.Parse(text, _ => false));

        Assert.Equal($"Unable to parse range: {text}", error.Message);
    }

    [Fact]
    public async Task ValuesGet_WholeColumnsOfQuotedTab_AnswersRangeBoundedByGrid()
    {
        using var caller = await AuthorizedAsync();
        await AddTabAsync(caller, "Transaksi Poin");

        var (status, body) = await caller.ReadAsync("'Transaksi Poin'!A:C");

        Assert.Equal(200, status);
        Assert.Equal("'Transaksi Poin'!A1:C1000", body.GetProperty("range").GetString());
        Assert.False(body.TryGetProperty("values", out _));
    }

    [Fact]
    public async Task ValuesUpdate_RawAndUserEntered_StoreAsGivenOrAsTyped()
    {
        using var caller = await AuthorizedAsync();
        await AddTabAsync(caller, "Input");
        object[] typed = ["0812345678", "=1+1", "2025-09-14", "TRUE", "=HYPERLINK(\"https://x.test\",\"x\")", "+62812"];

        await caller.WriteAsync("Input!A1", [typed], "RAW");
        await caller.WriteAsync("Input!A2", [typed], "USER_ENTERED");
        var (_, raw) = await caller.ReadAsync("Input!A1:F2", "valueRenderOption=UNFORMATTED_VALUE");
        var (_, formatted) = await caller.ReadAsync("Input!A2:F2");
        var (_, formulas) = await caller.ReadAsync("Input!B2", "valueRenderOption=FORMULA");

        var rawRow = raw.GetProperty("values")[0];
        var enteredRow = raw.GetProperty("values")[1];
        Assert.Equal(["0812345678", "=1+1", "2025-09-14", "TRUE", "=HYPERLINK(\"https://x.test\",\"x\")", "+62812"],
            rawRow.EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(812345678, enteredRow[0].GetDouble());
        Assert.Equal(2, enteredRow[1].GetDouble());
        Assert.Equal(45914, enteredRow[2].GetDouble());
        Assert.True(enteredRow[3].GetBoolean());
        Assert.Equal("x", enteredRow[4].GetString());
        Assert.Equal(62812, enteredRow[5].GetDouble());
        Assert.Equal("2025-09-14", formatted.GetProperty("values")[0][2].GetString());
        Assert.Equal("=1+1", formulas.GetProperty("values")[0][0].GetString());
    }

    [Fact]
    public async Task ValuesAppend_BelowTable_WritesAfterLastContiguousRowAndInsertsRows()
    {
        using var caller = await AuthorizedAsync();
        await AddTabAsync(caller, "Append");
        await caller.WriteAsync("Append!A1", [["id", "name"], ["1", "Ani"], ["2", "Budi"]]);
        await caller.WriteAsync("Append!A6", [["note"]]);

        var (status, body) = await caller.AppendAsync("Append!A1:C", [["3", "Citra"]]);
        var (_, after) = await caller.ReadAsync("Append!A1:B7");

        Assert.Equal(200, status);
        Assert.Equal("Append!A1:B3", body.GetProperty("tableRange").GetString());
        Assert.Equal("Append!A4:B4", body.GetProperty("updates").GetProperty("updatedRange").GetString());
        Assert.Equal(2, body.GetProperty("updates").GetProperty("updatedCells").GetInt32());
        Assert.Equal("Citra", after.GetProperty("values")[3][1].GetString());
        Assert.Equal("note", after.GetProperty("values")[6][0].GetString());
    }

    [Fact]
    public async Task ValuesUpdate_BeyondGrid_AnswersExceedsGridLimits()
    {
        using var caller = await AuthorizedAsync();

        var (status, body) = await caller.WriteAsync("Sheet1!A1001", [["x"]]);

        Assert.Equal(400, status);
        Assert.Equal("INVALID_ARGUMENT", SandboxSheetsCaller.ErrorStatus(body));
        Assert.Equal(
            "Range (Sheet1!A1001) exceeds grid limits. Max rows: 1000, max columns: 26",
            SandboxSheetsCaller.ErrorMessage(body));
    }

    [Fact]
    public async Task BatchUpdate_FormatsAndFrozenRows_ShowInGetAndFormattedValues()
    {
        using var caller = await AuthorizedAsync();
        var sheetId = await AddTabAsync(caller, "Formats");
        await caller.SendAsync(HttpMethod.Post, ":batchUpdate", new
        {
            requests = new object[]
            {
                new
                {
                    updateSheetProperties = new
                    {
                        properties = new { sheetId, gridProperties = new { frozenRowCount = 1 } },
                        fields = "gridProperties.frozenRowCount",
                    },
                },
                Format(sheetId, 0, "CURRENCY", "\"Rp\" #,##0"),
                Format(sheetId, 1, "DATE_TIME", "yyyy-mm-dd hh:mm:ss"),
            },
        });
        await caller.WriteAsync("Formats!A2", [[1250000, 45914.34375]]);

        var mask = Uri.EscapeDataString("sheets.properties(title,gridProperties)");
        var (_, sheets) = await caller.SendAsync(HttpMethod.Get, "?fields=" + mask);
        var (_, shown) = await caller.ReadAsync("Formats!A2:B2");
        var (_, dates) = await caller.ReadAsync(
            "Formats!B2", "valueRenderOption=UNFORMATTED_VALUE&dateTimeRenderOption=FORMATTED_STRING");

        var tab = sheets.GetProperty("sheets").EnumerateArray()
            .Select(s => s.GetProperty("properties"))
            .Single(p => p.GetProperty("title").GetString() == "Formats");
        Assert.Equal(1, tab.GetProperty("gridProperties").GetProperty("frozenRowCount").GetInt32());
        Assert.False(tab.TryGetProperty("sheetId", out _));
        Assert.Equal("Rp 1,250,000", shown.GetProperty("values")[0][0].GetString());
        Assert.Equal("2025-09-14 08:15:00", shown.GetProperty("values")[0][1].GetString());
        Assert.Equal("2025-09-14 08:15:00", dates.GetProperty("values")[0][0].GetString());
    }

    [Fact]
    public async Task BatchUpdate_OverCellLimit_RefusesWholeBatch()
    {
        using var caller = await AuthorizedAsync();
        var before = fixture.Sandbox.Spreadsheet().Tabs.Count;

        var (status, body) = await caller.SendAsync(HttpMethod.Post, ":batchUpdate", new
        {
            requests = new object[]
            {
                new { addSheet = new { properties = new { title = "Small" } } },
                new
                {
                    addSheet = new
                    {
                        properties = new
                        {
                            title = "Huge",
                            gridProperties = new { rowCount = 500_000, columnCount = 20 },
                        },
                    },
                },
            },
        });

        Assert.Equal(400, status);
        Assert.Equal(
            "This action would increase the number of cells in the workbook above the limit of 10000000 cells.",
            SandboxSheetsCaller.ErrorMessage(body));
        Assert.Equal(before, fixture.Sandbox.Spreadsheet().Tabs.Count);
    }

    [Fact]
    public async Task TokenEndpoint_AssertionSignedWithAnotherKey_AnswersInvalidGrant()
    {
        using var caller = new SandboxSheetsCaller(fixture.Sandbox);
        using var otherKey = RSA.Create(2048);

        using var response = await caller.ExchangeAsync(caller.Assertion(otherKey));
        var body = await SandboxSheetsCaller.BodyOf(response);

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("invalid_grant", body.GetProperty("error").GetString());
        Assert.Equal("Invalid JWT Signature.", body.GetProperty("error_description").GetString());
    }

    [Fact]
    public async Task TokenEndpoint_WrongAudienceOrLongLifetime_AnswersInvalidGrant()
    {
        using var caller = new SandboxSheetsCaller(fixture.Sandbox);

        using var audience = await caller.ExchangeAsync(caller.Assertion(audience: "https://login.example.test/token"));
        using var lifetime = await caller.ExchangeAsync(caller.Assertion(lifetime: TimeSpan.FromHours(2)));
        using var past = await caller.ExchangeAsync(caller.Assertion(issuedAt: DateTimeOffset.UtcNow.AddHours(-2)));

        Assert.Equal("invalid_grant", (await SandboxSheetsCaller.BodyOf(audience)).GetProperty("error").GetString());
        Assert.Equal("invalid_grant", (await SandboxSheetsCaller.BodyOf(lifetime)).GetProperty("error").GetString());
        Assert.Equal("invalid_grant", (await SandboxSheetsCaller.BodyOf(past)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Sheets_WithoutOrWithExpiredToken_AnswersUnauthenticated()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        using var caller = new SandboxSheetsCaller(sandbox);

        var (withoutStatus, without) = await caller.SendAsync(HttpMethod.Get, string.Empty);
        await caller.AuthorizeAsync();
        var (validStatus, _) = await caller.SendAsync(HttpMethod.Get, string.Empty);
        sandbox.TokenIssuer().ExpireAll();
        var (expiredStatus, expired) = await caller.SendAsync(HttpMethod.Get, string.Empty);

        Assert.Equal(401, withoutStatus);
        Assert.Equal("UNAUTHENTICATED", without.GetProperty("error").GetProperty("status").GetString());
        Assert.Equal(200, validStatus);
        Assert.Equal(401, expiredStatus);
        Assert.Equal("UNAUTHENTICATED", expired.GetProperty("error").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Quota_ReadsOverPerMinuteLimit_AnswerResourceExhausted()
    {
        await using var sandbox = await SandboxFixture.StartAsync(o => o.SheetsReadsPerMinute = 2);
        using var caller = new SandboxSheetsCaller(sandbox);
        await caller.AuthorizeAsync();

        var statuses = new List<int>();
        JsonElement last = default;
        for (var i = 0; i < 3; i++)
        {
            (var status, last) = await caller.ReadAsync("Sheet1!A1");
            statuses.Add(status);
        }

        var (writeStatus, _) = await caller.WriteAsync("Sheet1!A1", [["x"]]);

        Assert.Equal([200, 200, 429], statuses);
        Assert.Equal("RESOURCE_EXHAUSTED", SandboxSheetsCaller.ErrorStatus(last));
        Assert.Contains(
            "'Read requests per minute per user'", SandboxSheetsCaller.ErrorMessage(last), StringComparison.Ordinal);
        Assert.Equal(200, writeStatus);
    }

    [Fact]
    public async Task Body_OverLimit_Answers413AndGzipChunkedBodyIsAccepted()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        sandbox.SheetsLimits().MaxRequestBytes = 4_000;
        using var caller = new SandboxSheetsCaller(sandbox);
        await caller.AuthorizeAsync();

        var small = JsonSerializer.SerializeToUtf8Bytes(new { values = new[] { new[] { "gzipped" } } });

        var (bigStatus, bigBody) = await caller.WriteAsync("Sheet1!A1", [[new string('x', 5_000)]]);
        using var zipped = new MemoryStream();
        await using (var gzip = new GZipStream(zipped, CompressionLevel.Fastest, leaveOpen: true))
        {
            await gzip.WriteAsync(small);
        }

        var path = new Uri(caller.Spreadsheet + "/values/Sheet1!A2?valueInputOption=RAW", UriKind.Relative);
        using var request = new HttpRequestMessage(HttpMethod.Put, path)
        {
            Content = new StreamContent(new MemoryStream(zipped.ToArray())),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Content.Headers.ContentEncoding.Add("gzip");
        request.Headers.TransferEncodingChunked = true;
        using var response = await caller.Http.SendAsync(request);

        Assert.Equal(413, bigStatus);
        Assert.Equal("Request payload size exceeds the limit: 4000 bytes.", SandboxSheetsCaller.ErrorMessage(bigBody));
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("gzipped", sandbox.Spreadsheet().Snapshot("Sheet1", formatted: true)![1][0]);
    }

    [Fact]
    public async Task Views_TabJsonAndHtml_ShowTheCells()
    {
        using var caller = await AuthorizedAsync();
        await AddTabAsync(caller, "Lihat Saya");
        await caller.WriteAsync("'Lihat Saya'!A1", [["<b>teks</b>", 42]]);

        var snapshotUrl = new Uri("/_sandbox/sheets/Lihat%20Saya.json", UriKind.Relative);
        var snapshot = await fixture.Http.GetStringAsync(snapshotUrl);
        using var json = JsonDocument.Parse(snapshot);
        var html = await fixture.Http.GetStringAsync(new Uri("/_sandbox/sheets/Lihat%20Saya", UriKind.Relative));
        var index = await fixture.Http.GetStringAsync(new Uri("/_sandbox/sheets", UriKind.Relative));

        Assert.Equal(42, json.RootElement.GetProperty("values")[0][1].GetDouble());
        Assert.Equal("42", json.RootElement.GetProperty("formatted")[0][1].GetString());
        Assert.Contains("&lt;b&gt;teks&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.Contains("/_sandbox/sheets/Lihat%20Saya", index, StringComparison.Ordinal);
    }

    private async Task<SandboxSheetsCaller> AuthorizedAsync()
    {
        var caller = new SandboxSheetsCaller(fixture.Sandbox);
        await caller.AuthorizeAsync();

        return caller;
    }

    private static async Task<int> AddTabAsync(SandboxSheetsCaller caller, string title)
    {
        var (status, body) = await caller.SendAsync(HttpMethod.Post, ":batchUpdate", new
        {
            requests = new[] { new { addSheet = new { properties = new { title } } } },
        });
        Assert.Equal(200, status);

        var added = body.GetProperty("replies")[0].GetProperty("addSheet");

        return added.GetProperty("properties").GetProperty("sheetId").GetInt32();
    }

    private static object Format(int sheetId, int column, string type, string pattern) => new
    {
        repeatCell = new
        {
            range = new { sheetId, startRowIndex = 1, startColumnIndex = column, endColumnIndex = column + 1 },
            cell = new { userEnteredFormat = new { numberFormat = new { type, pattern } } },
            fields = "userEnteredFormat.numberFormat",
        },
    };
}

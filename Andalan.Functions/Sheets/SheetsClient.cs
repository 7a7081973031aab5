using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Andalan.Functions.Sheets.Api;
using Google.Apis.Auth.OAuth2.Responses;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Andalan.Functions.Sheets;

/// <summary>
/// The few Sheets v4 calls the sync needs, typed. Each call is retried on 429 and 5xx with exponential
/// backoff and jitter (honouring Retry-After) within <see cref="SheetsOptions.RetryBudget"/>; failures carry
/// Google's message. It counts the calls it makes, so the sync can report and tests can bound them.
/// </summary>
internal sealed class SheetsClient(
    HttpClient http, IOptions<SheetsOptions> options, TimeProvider time, ILogger<SheetsClient> logger)
{
    /// <summary>Web defaults (camelCase), nulls left out, and UTF-8 text kept unescaped to keep bodies small.</summary>
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly AsyncLocal<SheetsCallCount?> FlowCount = new();

    private readonly SheetsOptions _options = options.Value;
    private readonly SheetsCallCount _total = new();

    /// <summary>Calls answered with success or a final failure, by anyone; retries are not counted again.</summary>
    public int Calls => _total.Calls;

    /// <summary>Attempts that were retried after a 429, a 5xx or no answer, by anyone.</summary>
    public int Retries => _total.Retries;

    /// <summary>
    /// Starts counting the calls made from the caller's async flow (and what it awaits) from now on, apart
    /// from calls other flows make at the same time.
    /// </summary>
    public static SheetsCallCount CountCallsOfThisFlow()
    {
        var count = new SheetsCallCount();
        FlowCount.Value = count;

        return count;
    }

    private string Spreadsheet => "v4/spreadsheets/" + Uri.EscapeDataString(_options.SpreadsheetId);

    /// <summary>spreadsheets.get with a field mask: the title and every tab's properties, no cells.</summary>
    public Task<SpreadsheetResource> GetSpreadsheetAsync(CancellationToken cancellationToken) =>
        SendAsync<SpreadsheetResource>(
            "spreadsheets.get",
            HttpMethod.Get,
            Spreadsheet + "?fields=" + Uri.EscapeDataString("spreadsheetId,properties.title,sheets.properties"),
            body: null,
            cancellationToken);

    /// <summary>values.batchGet, typed values: numbers as numbers, dates as serial numbers.</summary>
    public async Task<IReadOnlyList<ValueRange>> BatchGetValuesAsync(
        IReadOnlyList<string> ranges, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        var query = string.Join('&', ranges.Select(r => "ranges=" + Uri.EscapeDataString(r)));
        var answer = await SendAsync<BatchGetValuesResponse>(
            "values.batchGet",
            HttpMethod.Get,
            $"{Spreadsheet}/values:batchGet?{query}&majorDimension=ROWS" +
                "&valueRenderOption=UNFORMATTED_VALUE&dateTimeRenderOption=SERIAL_NUMBER",
            body: null,
            cancellationToken);

        return answer.ValueRanges ?? [];
    }

    /// <summary>values.append with RAW input, inserting rows so nothing below is overwritten.</summary>
    public Task<AppendValuesResponse> AppendValuesAsync(
        string range, byte[] valueRange, CancellationToken cancellationToken) =>
        SendAsync<AppendValuesResponse>(
            "values.append " + range,
            HttpMethod.Post,
            $"{Spreadsheet}/values/{Uri.EscapeDataString(range)}:append" +
                "?valueInputOption=RAW&insertDataOption=INSERT_ROWS",
            valueRange,
            cancellationToken);

    /// <summary>values.batchUpdate of a body made by <see cref="Serialize{T}"/> (RAW input).</summary>
    public Task<BatchUpdateValuesResponse> BatchUpdateValuesAsync(
        byte[] request, CancellationToken cancellationToken) =>
        SendAsync<BatchUpdateValuesResponse>(
            "values.batchUpdate", HttpMethod.Post, $"{Spreadsheet}/values:batchUpdate", request, cancellationToken);

    /// <summary>spreadsheets.batchUpdate: tabs, frozen rows and number formats, applied all or nothing.</summary>
    public Task<BatchUpdateSpreadsheetResponse> BatchUpdateAsync(
        IReadOnlyList<SheetsRequest> requests, CancellationToken cancellationToken) =>
        SendAsync<BatchUpdateSpreadsheetResponse>(
            "spreadsheets.batchUpdate",
            HttpMethod.Post,
            $"{Spreadsheet}:batchUpdate",
            Serialize(new BatchUpdateSpreadsheetRequest(requests)),
            cancellationToken);

    public static byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Json);

    private async Task<T> SendAsync<T>(
        string operation, HttpMethod method, string path, byte[]? body, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        for (var attempt = 0; ; attempt++)
        {
            SheetsApiException failure;
            TimeSpan? retryAfter = null;
            try
            {
                using var request = new HttpRequestMessage(method, path);
                if (body is not null)
                {
                    request.Content = new ByteArrayContent(body);
                    request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json")
                    {
                        CharSet = "utf-8",
                    };
                }

                using var response = await http.SendAsync(
                    request, HttpCompletionOption.ResponseContentRead, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    CountCall();
                    var answer = await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken);

                    return answer ?? throw new SheetsApiException(
                        operation, (int)response.StatusCode, "EMPTY", "The answer had no body.");
                }

                failure = await FailureAsync(operation, response, cancellationToken);
                retryAfter = RetryAfter(response);
            }
            catch (TokenResponseException e)
            {
                failure = new SheetsApiException(
                    operation + " (access token)",
                    (int?)e.StatusCode ?? 0,
                    e.Error?.Error,
                    e.Error?.ErrorDescription,
                    e);
            }
            catch (HttpRequestException e)
            {
                failure = new SheetsApiException(operation, 0, "UNREACHABLE", e.Message, e);
            }
            catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                failure = new SheetsApiException(operation, 0, "TIMEOUT", "No answer within " + http.Timeout + ".", e);
            }

            var delay = retryAfter ?? Backoff(attempt);
            var spent = time.GetElapsedTime(started);
            if (!failure.IsTransient || spent + delay > _options.RetryBudget)
            {
                CountCall();
                SheetsLog.CallFailed(
                    logger, operation, failure.StatusCode, failure.Status, attempt + 1, failure.ApiMessage);

                throw failure;
            }

            CountRetry();
            SheetsLog.Retrying(
                logger, operation, failure.StatusCode, failure.Status, delay.TotalMilliseconds, attempt + 1);
            await Task.Delay(delay, time, cancellationToken);
        }
    }

    /// <summary>Full jitter between half and all of base × 2^attempt, capped, so many clients spread out.</summary>
    private TimeSpan Backoff(int attempt)
    {
        var doubled = _options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 20));
        var ceiling = Math.Min(_options.MaxRetryDelay.TotalMilliseconds, doubled);

        return TimeSpan.FromMilliseconds((ceiling / 2) + (Random.Shared.NextDouble() * ceiling / 2));
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();

            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    private static async Task<SheetsApiException> FailureAsync(
        string operation, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        GoogleError? error = null;
        try
        {
            error = JsonSerializer.Deserialize<GoogleErrorBody>(text, Json)?.Error;
        }
        catch (JsonException)
        {
            // Proxies and the front end answer some failures (413, 502) with HTML; the status says enough then.
        }

        var message = error?.Message ?? (text.Length > 200 ? text[..200] : text);

        return new SheetsApiException(
            operation,
            (int)response.StatusCode,
            error?.Status ?? response.StatusCode.ToString(),
            string.IsNullOrWhiteSpace(message) ? response.ReasonPhrase : message);
    }

    private void CountCall()
    {
        _total.AddCall();
        FlowCount.Value?.AddCall();
    }

    private void CountRetry()
    {
        _total.AddRetry();
        FlowCount.Value?.AddRetry();
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using Andalan.Sandbox.Hosting;
using Microsoft.AspNetCore.Http.Features;

namespace Andalan.Sandbox.Sheets;

/// <summary>
/// Answers <c>/v4/spreadsheets/…</c> as Sheets v4 does: bearer token check, per-user quotas, body limits,
/// then the call itself; every failure is Google's error JSON.
/// </summary>
public sealed class SheetsApi(
    Spreadsheet spreadsheet, TokenIssuer tokens, SheetsQuota quota, SheetsLimits limits, SandboxAddresses addresses)
{
    private const string Prefix = "/v4/spreadsheets/";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<IResult> HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            var grant = Authenticate(context.Request);
            var (spreadsheetId, rest) = SplitTarget(context);
            var call = Route(context.Request.Method, rest);
            if (call.Write && !grant.Scopes.Any(s => s is Scopes.Spreadsheets or Scopes.Drive or Scopes.DriveFile))
            {
                throw new SheetsException(403, "PERMISSION_DENIED", "Request had insufficient authentication scopes.");
            }

            if (spreadsheetId != spreadsheet.SpreadsheetId)
            {
                throw SheetsException.NotFound("Requested entity was not found.");
            }

            quota.Take(grant.Subject, call.Write);
            var body = call.HasBody
                ? await RequestBody.ReadAsync(context.Request, limits.MaxRequestBytes, context.RequestAborted)
                : [];

            return call.Name switch
            {
                "get" => GetSpreadsheet(context.Request),
                "batchUpdate" => BatchUpdate(Parse(body)),
                "values.batchGet" => BatchGet(context.Request),
                "values.batchUpdate" => ValuesBatchUpdate(Parse(body)),
                "values.get" => GetValues(context.Request, call.Range!),
                "values.update" => UpdateValues(context.Request, call.Range!, Parse(body)),
                "values.append" => AppendValues(context.Request, call.Range!, Parse(body)),
                _ => Results.Json(new JsonObject
                {
                    ["spreadsheetId"] = spreadsheet.SpreadsheetId,
                    ["clearedRange"] = spreadsheet.Clear(call.Range!),
                }),
            };
        }
        catch (SheetsException e)
        {
            if (e.Code == 401)
            {
                context.Response.Headers.WWWAuthenticate = "Bearer realm=\"https://accounts.google.com/\"";
            }

            return e.ToResult();
        }
    }

    private AccessGrant Authenticate(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            throw new SheetsException(
                401,
                "UNAUTHENTICATED",
                "Request is missing required authentication credential. Expected OAuth 2 access token, login cookie " +
                "or other valid authentication credential. " +
                "See https://developers.google.com/identity/sign-in/web/devconsole-project.");
        }

        var grant = tokens.Find(header["Bearer ".Length..].Trim());
        if (grant is null)
        {
            throw new SheetsException(
                401,
                "UNAUTHENTICATED",
                "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie " +
                "or other valid authentication credential. " +
                "See https://developers.google.com/identity/sign-in/web/devconsole-project.");
        }

        return grant.Scopes.Any(Scopes.AllowsSheets)
            ? grant
            : throw new SheetsException(403, "PERMISSION_DENIED", "Request had insufficient authentication scopes.");
    }

    /// <summary>The raw target is decoded once here, so a sheet name may hold '/', '%' or '!'.</summary>
    private static (string SpreadsheetId, string Remainder) SplitTarget(HttpContext context)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? string.Empty;
        var path = raw.Split('?', 2)[0];
        if (!path.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw SheetsException.NotFound("Requested entity was not found.");
        }

        var rest = path[Prefix.Length..];
        var cut = rest.IndexOfAny(['/', ':']);
        var id = cut < 0 ? rest : rest[..cut];

        return (Uri.UnescapeDataString(id), cut < 0 ? string.Empty : rest[cut..]);
    }

    private static SheetsCall Route(string method, string rest)
    {
        const string Values = "/values/";
        var call = (method, rest) switch
        {
            ("GET", "") => new SheetsCall("get", false, false, null),
            ("POST", ":batchUpdate") => new SheetsCall("batchUpdate", true, true, null),
            ("GET", "/values:batchGet") => new SheetsCall("values.batchGet", false, false, null),
            ("POST", "/values:batchUpdate") => new SheetsCall("values.batchUpdate", true, true, null),
            _ => null,
        };
        if (call is not null)
        {
            return call;
        }

        if (rest.StartsWith(Values, StringComparison.Ordinal))
        {
            var range = Uri.UnescapeDataString(rest[Values.Length..]);
            if (method == "POST" && range.EndsWith(":append", StringComparison.Ordinal))
            {
                return new SheetsCall("values.append", true, true, range[..^":append".Length]);
            }

            if (method == "POST" && range.EndsWith(":clear", StringComparison.Ordinal))
            {
                return new SheetsCall("values.clear", true, false, range[..^":clear".Length]);
            }

            if (method is "GET" or "PUT")
            {
                var update = method == "PUT";

                return new SheetsCall(update ? "values.update" : "values.get", update, update, range);
            }
        }

        throw SheetsException.NotFound("Requested entity was not found.");
    }

    private IResult GetSpreadsheet(HttpRequest request)
    {
        JsonNode? resource = spreadsheet.Describe(new Uri(addresses.BaseUrl, "/_sandbox/sheets"));
        if (request.Query["fields"].ToString() is { Length: > 0 } fields)
        {
            resource = FieldMask.Parse(fields).Apply(resource);
        }

        return Results.Json(resource);
    }

    private IResult BatchUpdate(JsonElement body)
    {
        var replies = spreadsheet.BatchUpdate(Member(body, "requests"));

        return Results.Json(new JsonObject { ["spreadsheetId"] = spreadsheet.SpreadsheetId, ["replies"] = replies });
    }

    private IResult GetValues(HttpRequest request, string range)
    {
        var (render, serialDates, columns) = ReadOptions(request);

        var read = spreadsheet.Read(range, render, serialDates, columns);

        return ValuesResult(writer => WriteValueRange(writer, read, columns));
    }

    private IResult BatchGet(HttpRequest request)
    {
        var (render, serialDates, columns) = ReadOptions(request);
        var ranges = request.Query["ranges"];
        if (ranges.Count == 0)
        {
            throw SheetsException.InvalidArgument("Must specify at least one range.");
        }

        var reads = ranges.Select(r => spreadsheet.Read(r!, render, serialDates, columns)).ToList();

        return ValuesResult(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("spreadsheetId", spreadsheet.SpreadsheetId);
            writer.WriteStartArray("valueRanges");
            foreach (var read in reads)
            {
                WriteValueRange(writer, read, columns);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    private IResult UpdateValues(HttpRequest request, string range, JsonElement body)
    {
        var written = spreadsheet.Write(range, Rows(body), InputOption(request.Query["valueInputOption"]));

        return Results.Json(Updated(written), Json);
    }

    private IResult AppendValues(HttpRequest request, string range, JsonElement body)
    {
        var insert = request.Query["insertDataOption"].ToString() switch
        {
            "" or "OVERWRITE" => false,
            "INSERT_ROWS" => true,
            var other => throw InvalidEnum("insert_data_option", "InsertDataOption", other),
        };
        var appended = spreadsheet.Append(range, Rows(body), InputOption(request.Query["valueInputOption"]), insert);
        var answer = new Dictionary<string, object>
        {
            ["spreadsheetId"] = spreadsheet.SpreadsheetId,
            ["updates"] = Updated(appended.Updates),
        };
        if (appended.TableRange is not null)
        {
            answer["tableRange"] = appended.TableRange;
        }

        return Results.Json(answer, Json);
    }

    private IResult ValuesBatchUpdate(JsonElement body)
    {
        var input = InputOption(Member(body, "valueInputOption").ValueKind == JsonValueKind.String
            ? Member(body, "valueInputOption").GetString()
            : null);
        var data = Member(body, "data");
        var writes = data.ValueKind == JsonValueKind.Array
            ? data.EnumerateArray()
                .Select(d => (
                    Member(d, "range").GetString() ?? string.Empty,
                    (IReadOnlyList<IReadOnlyList<JsonElement>>)Rows(d)))
                .ToList()
            : [];
        var written = spreadsheet.WriteMany(writes, input);

        return Results.Json(
            new Dictionary<string, object>
            {
                ["spreadsheetId"] = spreadsheet.SpreadsheetId,
                ["totalUpdatedRows"] = written.Sum(w => w.UpdatedRows),
                ["totalUpdatedColumns"] = written.Sum(w => w.UpdatedColumns),
                ["totalUpdatedCells"] = written.Sum(w => w.UpdatedCells),
                ["totalUpdatedSheets"] =
                    written.Select(w => w.UpdatedRange.Split('!')[0]).Distinct(StringComparer.Ordinal).Count(),
                ["responses"] = written.Select(Updated).ToList(),
            },
            Json);
    }

    private Dictionary<string, object> Updated(WriteResult written) => new()
    {
        ["spreadsheetId"] = spreadsheet.SpreadsheetId,
        ["updatedRange"] = written.UpdatedRange,
        ["updatedRows"] = written.UpdatedRows,
        ["updatedColumns"] = written.UpdatedColumns,
        ["updatedCells"] = written.UpdatedCells,
    };

    /// <summary>Values go straight to the response: a large read is a million cells, not worth boxing twice.</summary>
    private static IResult ValuesResult(Action<Utf8JsonWriter> write) =>
        Results.Stream(
            async stream =>
            {
                await using var writer = new Utf8JsonWriter(stream);
                write(writer);
                await writer.FlushAsync();
            },
            "application/json; charset=utf-8");

    private static void WriteValueRange(Utf8JsonWriter writer, ReadResult read, bool columns)
    {
        writer.WriteStartObject();
        writer.WriteString("range", read.Range);
        writer.WriteString("majorDimension", columns ? "COLUMNS" : "ROWS");
        if (read.Values.Count > 0)
        {
            writer.WriteStartArray("values");
            foreach (var row in read.Values)
            {
                writer.WriteStartArray();
                foreach (var value in row)
                {
                    switch (value)
                    {
                        case double number:
                            writer.WriteNumberValue(number);
                            break;
                        case bool flag:
                            writer.WriteBooleanValue(flag);
                            break;
                        default:
                            writer.WriteStringValue(value?.ToString() ?? string.Empty);
                            break;
                    }
                }

                writer.WriteEndArray();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static (RenderOption Render, bool SerialDates, bool Columns) ReadOptions(HttpRequest request)
    {
        var render = request.Query["valueRenderOption"].ToString() switch
        {
            "" or "FORMATTED_VALUE" => RenderOption.Formatted,
            "UNFORMATTED_VALUE" => RenderOption.Unformatted,
            "FORMULA" => RenderOption.Formula,
            var other => throw InvalidEnum("value_render_option", "ValueRenderOption", other),
        };
        var serialDates = request.Query["dateTimeRenderOption"].ToString() switch
        {
            "" or "SERIAL_NUMBER" => true,
            "FORMATTED_STRING" => false,
            var other => throw InvalidEnum("date_time_render_option", "DateTimeRenderOption", other),
        };
        var columns = request.Query["majorDimension"].ToString() switch
        {
            "" or "ROWS" => false,
            "COLUMNS" => true,
            var other => throw InvalidEnum("major_dimension", "Dimension", other),
        };

        return (render, serialDates, columns);
    }

    private static ValueInput InputOption(string? option) => option switch
    {
        null or "" => throw SheetsException.InvalidArgument("'valueInputOption' is required but not specified"),
        "RAW" => ValueInput.Raw,
        "USER_ENTERED" => ValueInput.UserEntered,
        _ => throw InvalidEnum("value_input_option", "ValueInputOption", option),
    };

    private static SheetsException InvalidEnum(string field, string type, string value) =>
        SheetsException.InvalidArgument(
            $"Invalid value at '{field}' (type.googleapis.com/google.apps.sheets.v4.{type}), \"{value}\"");

    private static List<IReadOnlyList<JsonElement>> Rows(JsonElement valueRange)
    {
        var values = Member(valueRange, "values");
        if (values.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return [];
        }

        if (values.ValueKind != JsonValueKind.Array ||
            values.EnumerateArray().Any(r => r.ValueKind != JsonValueKind.Array))
        {
            throw SheetsException.InvalidArgument("Invalid JSON payload received. 'values' must be a list of lists.");
        }

        var rows = values.EnumerateArray().Select(r => (IReadOnlyList<JsonElement>)[.. r.EnumerateArray()]).ToList();
        if (Member(valueRange, "majorDimension").ValueKind == JsonValueKind.String &&
            Member(valueRange, "majorDimension").GetString() == "COLUMNS")
        {
            var height = rows.Count == 0 ? 0 : rows.Max(r => r.Count);
            var columns = rows;
            rows = [.. Enumerable.Range(0, height)
                .Select(i => (IReadOnlyList<JsonElement>)[.. columns.Select(c => i < c.Count ? c[i] : default)])];
        }

        return rows;
    }

    private static JsonElement Parse(byte[] body)
    {
        try
        {
            return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement;
        }
        catch (JsonException e)
        {
            throw SheetsException.InvalidArgument($"Invalid JSON payload received. {e.Message}");
        }
    }

    private static JsonElement Member(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : default;

    private sealed record SheetsCall(string Name, bool Write, bool HasBody, string? Range);
}

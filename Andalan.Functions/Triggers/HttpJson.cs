using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Azure.Functions.Worker.Http;

namespace Andalan.Functions.Triggers;

/// <summary>JSON responses of the HTTP triggers, camelCase with enums as text.</summary>
internal static class HttpJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        WriteIndented = true,
    };

    public static async Task<HttpResponseData> WriteAsync(
        HttpRequestData request, HttpStatusCode status, object body, CancellationToken cancellationToken)
    {
        var response = request.CreateResponse(status);
        response.Headers.Add("Content-Type", "application/json; charset=utf-8");
        await response.WriteStringAsync(JsonSerializer.Serialize(body, Options), cancellationToken);

        return response;
    }
}

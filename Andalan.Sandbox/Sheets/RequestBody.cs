using System.Globalization;
using System.IO.Compression;

namespace Andalan.Sandbox.Sheets;

/// <summary>Reads a request body, chunked or not, gzip or deflate encoded or not, up to a size limit.</summary>
public static class RequestBody
{
    public static async Task<byte[]> ReadAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > limit && request.Headers.ContentEncoding.Count == 0)
        {
            throw TooLarge(limit);
        }

        var encoding = request.Headers.ContentEncoding.ToString().Trim().ToUpperInvariant();
        await using var body = encoding switch
        {
            "" or "IDENTITY" => request.Body,
            "GZIP" => new GZipStream(request.Body, CompressionMode.Decompress, leaveOpen: true),
            "DEFLATE" => new ZLibStream(request.Body, CompressionMode.Decompress, leaveOpen: true),
            _ => throw SheetsException.InvalidArgument($"Unsupported Content-Encoding: {encoding.ToLowerInvariant()}"),
        };

        using var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        try
        {
            while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    throw TooLarge(limit);
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (InvalidDataException)
        {
            throw SheetsException.InvalidArgument($"The request body is not valid {encoding.ToLowerInvariant()} data.");
        }

        return buffer.ToArray();
    }

    private static SheetsException TooLarge(long limit) =>
        new(
            413,
            "INVALID_ARGUMENT",
            string.Create(CultureInfo.InvariantCulture, $"Request payload size exceeds the limit: {limit} bytes."));
}

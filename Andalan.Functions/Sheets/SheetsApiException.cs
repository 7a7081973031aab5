namespace Andalan.Functions.Sheets;

/// <summary>
/// A call to the Sheets API that failed: the HTTP status, Google's status name and message, and which call.
/// Never carries a token or a key.
/// </summary>
public sealed class SheetsApiException : Exception
{
    public SheetsApiException(
        string operation, int statusCode, string? status, string? apiMessage, Exception? innerException = null)
        : base($"Google Sheets {operation} failed with {statusCode} {status}: {apiMessage}", innerException)
    {
        Operation = operation;
        StatusCode = statusCode;
        Status = status;
        ApiMessage = apiMessage;
    }

    public SheetsApiException()
    {
        Operation = string.Empty;
    }

    public SheetsApiException(string message)
        : base(message)
    {
        Operation = string.Empty;
    }

    public SheetsApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        Operation = string.Empty;
    }

    /// <summary>The call, for example "values.append 'Transaksi'!A1:I".</summary>
    public string Operation { get; }

    /// <summary>The HTTP status; 0 when no answer came (connection refused, timeout).</summary>
    public int StatusCode { get; }

    /// <summary>Google's status name, for example RESOURCE_EXHAUSTED or INVALID_ARGUMENT.</summary>
    public string? Status { get; }

    /// <summary>Google's own message.</summary>
    public string? ApiMessage { get; }

    /// <summary>429 and 5xx answers (and no answer) may pass when tried again later.</summary>
    public bool IsTransient => StatusCode is 0 or 429 or >= 500;
}

namespace Andalan.Functions.Sheets;

/// <summary>
/// A call to the Sheets API that failed: the HTTP status, Google's status name and message, and which call.
/// Never carries a token or a key.
/// </summary>
public sealed class SheetsApiException : Exception
{
    public SheetsApiException(
        string operation, int statusCode, string? status, string? apiMessage, Exception? innerException = null)
        : base(
            $"Google Sheets {operation} failed with {statusCode} {status}: {apiMessage}" +
            Advice(operation, statusCode),
            innerException)
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

    /// <summary>What an operator can do about a failed call, in a sentence.</summary>
    private static string Advice(string operation, int statusCode) => statusCode switch
    {
        _ when operation.EndsWith("(access token)", StringComparison.Ordinal) =>
            ". No access token for the service account: retried; if it persists, check that the key in " +
            "Andalan:Sheets:ServiceAccountJson is current (not deleted or revoked) and that Google's token " +
            "service answers.",
        401 => ". Google refused the service account's token, a new one too: check that the key in " +
            "Andalan:Sheets:ServiceAccountJson is current (not deleted or revoked).",
        403 => ". Share the spreadsheet with the service account's email as an editor, and check that the " +
            "Sheets API is enabled for its project.",
        404 => ". Check Andalan:Sheets:SpreadsheetId.",
        429 => ". The per-minute quota ran out: retried with backoff; the file stays in the archive and the next run " +
            "writes it.",
        0 or >= 500 => ". Google Sheets did not answer or failed: retried; the file stays in the archive and the " +
            "next run writes it.",
        _ => string.Empty,
    };
}

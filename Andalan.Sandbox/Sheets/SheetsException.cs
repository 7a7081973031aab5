namespace Andalan.Sandbox.Sheets;

/// <summary>An error answered as Google's error JSON: HTTP status, message and status name.</summary>
public sealed class SheetsException : Exception
{
    public SheetsException(int code, string status, string message)
        : base(message)
    {
        Code = code;
        Status = status;
    }

    public SheetsException()
    {
        Status = "INTERNAL";
    }

    public SheetsException(string message, Exception innerException)
        : base(message, innerException)
    {
        Status = "INTERNAL";
    }

    public SheetsException(string message)
        : base(message)
    {
        Status = "INTERNAL";
    }

    public int Code { get; } = 500;

    /// <summary>The canonical status name, for example INVALID_ARGUMENT or RESOURCE_EXHAUSTED.</summary>
    public string Status { get; }

    /// <summary>The ErrorInfo reason Google adds to some errors (RATE_LIMIT_EXCEEDED); null adds none.</summary>
    public string? Reason { get; init; }

    public static SheetsException InvalidArgument(string message) => new(400, "INVALID_ARGUMENT", message);

    public static SheetsException NotFound(string message) => new(404, "NOT_FOUND", message);

    /// <summary>Google's answer with the JSON body <c>{"error":{"code","message","status"}}</c>.</summary>
    public IResult ToResult()
    {
        var error = new Dictionary<string, object>
        {
            ["code"] = Code,
            ["message"] = Message,
            ["status"] = Status,
        };
        if (Reason is not null)
        {
            error["details"] = new[]
            {
                new Dictionary<string, object>
                {
                    ["@type"] = "type.googleapis.com/google.rpc.ErrorInfo",
                    ["reason"] = Reason,
                    ["domain"] = "googleapis.com",
                    ["metadata"] = new Dictionary<string, string> { ["service"] = "sheets.googleapis.com" },
                },
            };
        }

        return Results.Json(new Dictionary<string, object> { ["error"] = error }, statusCode: Code);
    }
}

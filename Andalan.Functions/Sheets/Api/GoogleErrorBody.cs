namespace Andalan.Functions.Sheets.Api;

/// <summary>Google's error JSON: <c>{"error":{"code":400,"message":"…","status":"INVALID_ARGUMENT"}}</c>.</summary>
internal sealed record GoogleErrorBody(GoogleError? Error);

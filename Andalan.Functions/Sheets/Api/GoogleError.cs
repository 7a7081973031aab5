namespace Andalan.Functions.Sheets.Api;

internal sealed record GoogleError(int Code, string? Message, string? Status);

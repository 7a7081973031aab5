namespace Andalan.Functions.Sheets.Api;

/// <summary>A number format: type (DATE, DATE_TIME, CURRENCY, NUMBER, TEXT) and pattern.</summary>
internal sealed record NumberFormat(string Type, string Pattern);

namespace Andalan.Functions.Sheets.Api;

/// <summary>A tab's properties; members left null are not sent.</summary>
internal sealed record SheetProperties(
    int? SheetId, string? Title, int? Index = null, GridProperties? GridProperties = null);

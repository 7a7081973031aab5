namespace Andalan.Functions.Sheets.Api;

internal sealed record SheetResource(SheetProperties Properties);

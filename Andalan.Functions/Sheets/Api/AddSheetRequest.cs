namespace Andalan.Functions.Sheets.Api;

internal sealed record AddSheetRequest(SheetProperties Properties);

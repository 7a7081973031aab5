using System.Text.Json;

namespace Andalan.Functions.Sheets.Api;

internal sealed record BatchUpdateSpreadsheetResponse(string? SpreadsheetId, IReadOnlyList<JsonElement>? Replies);

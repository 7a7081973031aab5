using System.Text.Json;
using System.Text.Json.Serialization;

namespace Andalan.Functions.Sheets.Api;

/// <summary>
/// One cell as values.get answers it: a number, a string or a boolean. A struct read by its own converter, so a
/// read of a million cells makes a million small values rather than a million JSON documents.
/// </summary>
[JsonConverter(typeof(CellValueConverter))]
internal readonly record struct CellValue(JsonValueKind Kind, double Number, string? Text)
{
    public bool IsEmpty =>
        Kind is JsonValueKind.Undefined or JsonValueKind.Null || (Kind == JsonValueKind.String && Text!.Length == 0);
}

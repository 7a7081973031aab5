using System.Text.Json;
using System.Text.Json.Serialization;

namespace Andalan.Functions.Sheets.Api;

internal sealed class CellValueConverter : JsonConverter<CellValue>
{
    public override CellValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.Number => new CellValue(JsonValueKind.Number, reader.GetDouble(), null),
            JsonTokenType.String => new CellValue(JsonValueKind.String, 0, reader.GetString()),
            JsonTokenType.True => new CellValue(JsonValueKind.True, 1, null),
            JsonTokenType.False => new CellValue(JsonValueKind.False, 0, null),
            JsonTokenType.Null => default,
            _ => throw new JsonException($"A cell value cannot be a {reader.TokenType}."),
        };

    public override void Write(Utf8JsonWriter writer, CellValue value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        switch (value.Kind)
        {
            case JsonValueKind.Number:
                writer.WriteNumberValue(value.Number);
                break;
            case JsonValueKind.String:
                writer.WriteStringValue(value.Text);
                break;
            case JsonValueKind.True or JsonValueKind.False:
                writer.WriteBooleanValue(value.Kind == JsonValueKind.True);
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }
}

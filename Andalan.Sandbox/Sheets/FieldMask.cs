using System.Text.Json.Nodes;

namespace Andalan.Sandbox.Sheets;

/// <summary>
/// The <c>fields</c> parameter of Google APIs: <c>sheets.properties(sheetId,title),spreadsheetId</c> keeps
/// only those members; arrays apply the mask to each element.
/// </summary>
public sealed class FieldMask
{
    private readonly Dictionary<string, FieldMask?> _members = new(StringComparer.Ordinal);

    private FieldMask()
    {
    }

    public static FieldMask Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var at = 0;
        var mask = ParseList(text, ref at);

        return at == text.Length ? mask : throw SheetsException.InvalidArgument($"Invalid field selection {text}");
    }

    public JsonNode? Apply(JsonNode? node)
    {
        switch (node)
        {
            case JsonArray array:
                return new JsonArray([.. array.Select(item => Apply(item?.DeepClone()))]);
            case JsonObject obj:
                var kept = new JsonObject();
                foreach (var (name, child) in _members)
                {
                    if (name == "*")
                    {
                        return obj.DeepClone();
                    }

                    if (obj.TryGetPropertyValue(name, out var value))
                    {
                        kept[name] = child is null ? value?.DeepClone() : child.Apply(value);
                    }
                }

                return kept;
            default:
                return node?.DeepClone();
        }
    }

    private static FieldMask ParseList(string text, ref int at)
    {
        var mask = new FieldMask();
        while (at < text.Length && text[at] != ')')
        {
            var start = at;
            while (at < text.Length && text[at] is not (',' or '(' or ')'))
            {
                at++;
            }

            var path = text[start..at].Trim().Split('.');
            FieldMask? inner = null;
            if (at < text.Length && text[at] == '(')
            {
                at++;
                inner = ParseList(text, ref at);
                if (at >= text.Length || text[at] != ')')
                {
                    throw SheetsException.InvalidArgument($"Invalid field selection {text}");
                }

                at++;
            }

            mask.Add(path, inner);
            if (at < text.Length && text[at] == ',')
            {
                at++;
            }
        }

        return mask;
    }

    private void Add(string[] path, FieldMask? inner)
    {
        var target = this;
        for (var i = 0; i < path.Length - 1; i++)
        {
            if (!target._members.TryGetValue(path[i], out var next))
            {
                next = new FieldMask();
                target._members[path[i]] = next;
            }
            else if (next is null)
            {
                // A parent already selected whole keeps everything below it.
                return;
            }

            target = next;
        }

        target._members[path[^1]] = inner;
    }
}

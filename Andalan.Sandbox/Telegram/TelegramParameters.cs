using System.Text.Json;

namespace Andalan.Sandbox.Telegram;

/// <summary>
/// A Bot API call's parameters, which Telegram accepts in the query string, as a url-encoded or multipart
/// form, or as JSON.
/// </summary>
public sealed class TelegramParameters
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    private TelegramParameters(IFormFileCollection? files)
    {
        Files = files;
    }

    public IFormFileCollection? Files { get; }

    public string? this[string name] => _values.TryGetValue(name, out var value) ? value : null;

    public bool Flag(string name) => bool.TryParse(this[name], out var value) && value;

    public static async Task<TelegramParameters> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        TelegramParameters parameters;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            parameters = new TelegramParameters(form.Files);
            foreach (var (key, value) in form)
            {
                parameters._values[key] = value.ToString();
            }
        }
        else if (request.HasJsonContentType())
        {
            parameters = new TelegramParameters(null);
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                parameters._values[property.Name] = property.Value.ValueKind == JsonValueKind.String
                    ? property.Value.GetString()!
                    : property.Value.GetRawText();
            }
        }
        else
        {
            parameters = new TelegramParameters(null);
        }

        foreach (var (key, value) in request.Query)
        {
            parameters._values.TryAdd(key, value.ToString());
        }

        return parameters;
    }
}

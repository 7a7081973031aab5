using System.Globalization;
using UglyToad.PdfPig.Fonts.Encodings;
using UglyToad.PdfPig.Fonts.Standard14Fonts;

namespace Andalan.Sandbox.Panel;

/// <summary>
/// The panel's stylesheet and scripts, embedded in the sandbox so a browser needs nothing from the network.
/// </summary>
internal sealed class PanelAssets
{
    private const string FontWidthsPlaceholder = "/*@FONT_WIDTHS@*/null";

    private readonly Dictionary<string, (string ContentType, string Text)> _assets;

    public PanelAssets()
    {
        _assets = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
        {
            ["/css/panel.css"] = ("text/css; charset=utf-8", Read("panel.css")),
            ["/js/pdf-writer.js"] = ("text/javascript; charset=utf-8",
                Read("pdf-writer.js").Replace(FontWidthsPlaceholder, FontWidthsJson(), StringComparison.Ordinal)),
            ["/js/coin-payments-export.js"] = ("text/javascript; charset=utf-8", Read("coin-payments-export.js")),
        };
    }

    public IResult Serve(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!_assets.TryGetValue(context.Request.Path.Value ?? string.Empty, out var asset))
        {
            return PanelHtml.NotFound();
        }

        context.Response.Headers.CacheControl = "no-cache";

        return Results.Text(asset.Text, asset.ContentType);
    }

    public IEnumerable<string> Paths => _assets.Keys;

    private static string Read(string name)
    {
        var resource = $"Andalan.Sandbox.Panel.Assets.{name}";
        using var stream = typeof(PanelAssets).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The panel asset {name} is not embedded in the sandbox.");
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);

        return reader.ReadToEnd();
    }

    /// <summary>
    /// Advance widths of WinAnsi codes 32 to 255 in Helvetica and Helvetica-Bold, from the Adobe font metrics
    /// PdfPig carries, so the page script can right-align numbers and wrap names like a real PDF library.
    /// </summary>
    private static string FontWidthsJson()
    {
        static string Widths(Standard14Font font)
        {
            var metrics = Standard14.GetAdobeFontMetrics(font).CharacterMetrics;
            var widths = Enumerable.Range(32, 224).Select(code =>
                WinAnsiEncoding.Instance.CodeToNameMap.TryGetValue(code, out var name)
                && metrics.TryGetValue(name, out var metric)
                    ? metric.Width.X
                    : 0);

            return "[" + string.Join(",", widths.Select(w => w.ToString(CultureInfo.InvariantCulture))) + "]";
        }

        return $"{{\"Helvetica\":{Widths(Standard14Font.Helvetica)}," +
            $"\"Helvetica-Bold\":{Widths(Standard14Font.HelveticaBold)}}}";
    }
}

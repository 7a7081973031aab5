using PdfSharp.Fonts;
using PdfSharp.WPFonts;

namespace Andalan.Sandbox.Reports;

/// <summary>
/// Gives PDFsharp its fonts on Linux, where it finds none by itself: Liberation Sans from the system
/// (Debian's fonts-liberation, which the container image installs), or, when that is missing, the Segoe WP
/// faces bundled in the PDFsharp package, so a machine without fonts still renders the users export.
/// </summary>
internal sealed class ReportFontResolver : IFontResolver
{
    public const string Family = "Liberation Sans";

    private static readonly string[] FontFolders =
    [
        "/usr/share/fonts/truetype/liberation", "/usr/share/fonts/truetype/liberation2", "/usr/share/fonts/liberation",
        "/usr/local/share/fonts",
    ];

    private static readonly Lock Gate = new();

    /// <summary>Installs the resolver once per process; PDFsharp allows one and keeps it for good.</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is null)
            {
                GlobalFontSettings.FontResolver = new ReportFontResolver();
            }
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? "Sans-Bold" : "Sans-Regular");

    public byte[]? GetFont(string faceName)
    {
        var bold = faceName == "Sans-Bold";
        var file = bold ? "LiberationSans-Bold.ttf" : "LiberationSans-Regular.ttf";
        foreach (var folder in FontFolders)
        {
            var path = Path.Combine(folder, file);
            if (File.Exists(path))
            {
                return File.ReadAllBytes(path);
            }
        }

        return bold ? FontDataHelper.SegoeWPBold : FontDataHelper.SegoeWP;
    }
}

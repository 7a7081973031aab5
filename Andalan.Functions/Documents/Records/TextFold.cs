using System.Text;

namespace Andalan.Functions.Documents.Records;

/// <summary>Text as records keep it: trimmed, every run of white space (line breaks too) folded to one space.</summary>
internal static class TextFold
{
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!NeedsFolding(text))
        {
            return text;
        }

        var folded = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c == '\u200B')
            {
                pendingSpace = folded.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                folded.Append(' ');
                pendingSpace = false;
            }

            folded.Append(c);
        }

        return folded.ToString();
    }

    private static bool NeedsFolding(string text)
    {
        if (text.Length == 0)
        {
            return false;
        }

        if (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]))
        {
            return true;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\u200B' || (char.IsWhiteSpace(c) && (c != ' ' || char.IsWhiteSpace(text[i + 1]))))
            {
                return true;
            }
        }

        return false;
    }
}

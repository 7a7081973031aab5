using System.Buffers;
using System.Text;

namespace Andalan.Functions.Documents.Records;

/// <summary>Text as records keep it: trimmed, every run of white space (line breaks too) folded to one space.</summary>
internal static class TextFold
{
    // Every character char.IsWhiteSpace accepts, and the zero-width space: searched for in one vectorised pass.
    private static readonly SearchValues<char> FoldedAway = SearchValues.Create(
        [.. Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c)
            .Where(c => char.IsWhiteSpace(c) || c == '\u200B')]);

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

        // Only a single space between two other characters stays as it is.
        var rest = text.AsSpan();
        int at;
        while ((at = rest.IndexOfAny(FoldedAway)) >= 0)
        {
            if (rest[at] != ' ' || FoldedAway.Contains(rest[at + 1]))
            {
                return true;
            }

            rest = rest[(at + 1)..];
        }

        return false;
    }
}

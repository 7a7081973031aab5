using System.Text;

namespace Andalan.Functions.Documents;

/// <summary>Header labels compared the tolerant way: case, punctuation and spacing do not count.</summary>
internal static class LabelText
{
    public static string Normalize(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        var normalized = new StringBuilder(label.Length);
        foreach (var c in label.Normalize(NormalizationForm.FormKD))
        {
            if (char.IsLetterOrDigit(c))
            {
                normalized.Append(char.ToLowerInvariant(c));
            }
        }

        return normalized.ToString();
    }
}

using System.Text;

namespace Andalan.Sandbox.Webhooks;

/// <summary>
/// How Slack reads a message's text: &amp;amp;, &amp;lt; and &amp;gt; are the only entities; a raw &lt;…&gt; is a
/// control sequence: a link (&lt;url|label&gt;), a user or group mention (&lt;@U…&gt;) or a special mention
/// (&lt;!channel&gt;, &lt;!here&gt;, &lt;!everyone&gt;) that notifies people.
/// </summary>
public static class SlackText
{
    public static (string Display, IReadOnlyList<string> Mentions) Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var display = new StringBuilder(text.Length);
        var mentions = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '<' && text.IndexOf('>', i + 1) is var end and > 0)
            {
                var inside = text[(i + 1)..end];
                var label = inside.Split('|', 2) is [_, var l] ? l : inside;
                if (inside.StartsWith('!') || inside.StartsWith('@') || inside.StartsWith('#'))
                {
                    mentions.Add(inside.Split('|', 2)[0]);
                    display.Append(inside[0] == '!' ? "@" + label.TrimStart('!') : label);
                }
                else
                {
                    display.Append(Decode(label));
                }

                i = end + 1;
                continue;
            }

            var next = text.IndexOf('<', i + 1);
            var stop = next < 0 ? text.Length : next;
            display.Append(Decode(text[i..stop]));
            i = stop;
        }

        return (display.ToString(), mentions);
    }

    private static string Decode(string text) => text
        .Replace("&lt;", "<", StringComparison.Ordinal)
        .Replace("&gt;", ">", StringComparison.Ordinal)
        .Replace("&amp;", "&", StringComparison.Ordinal);
}

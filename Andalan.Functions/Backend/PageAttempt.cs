namespace Andalan.Functions.Backend;

/// <summary>What one attempt at work on a panel page is doing, for messages when a step fails.</summary>
internal sealed class PageAttempt(string label)
{
    /// <summary>The export's name, or "login" and such for work that is not an export.</summary>
    public string Label { get; } = label;

    /// <summary>The current step in words, for example "pressing the export button".</summary>
    public string Step { get; set; } = "opening a page";

    /// <summary>Files that belong with a failure besides the screenshot and HTML (a rejected download).</summary>
    public List<string> Evidence { get; } = [];
}

using Andalan.Sandbox.Data;

namespace Andalan.Sandbox.Panel;

/// <summary>One report page of the panel: where it lives, what it previews and how it exports.</summary>
internal sealed class PanelReport
{
    /// <summary>The page's path segment under /reports, for example <c>point-transactions</c>.</summary>
    public required string Slug { get; init; }

    /// <summary>The export's name for the fault switches and the renderer, such as <c>point_transactions</c>.</summary>
    public required string ExportName { get; init; }

    public required string Title { get; init; }

    public required string MenuLabel { get; init; }

    public required bool HasDateFilter { get; init; }

    /// <summary>True when the page's script builds the file in the browser instead of linking to a download.</summary>
    public required bool ExportsInBrowser { get; init; }

    public required IReadOnlyList<string> Columns { get; init; }

    public required Func<PanelStore, DateWindow?, PreviewRows> Rows { get; init; }

    public string Path => "/reports/" + Slug;
}

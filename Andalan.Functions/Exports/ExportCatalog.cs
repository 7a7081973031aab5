namespace Andalan.Functions.Exports;

/// <summary>The configured exports, by name, in their configured order.</summary>
public sealed class ExportCatalog
{
    /// <summary>The configuration section that holds the exports.</summary>
    public const string SectionName = "Andalan:Exports";

    private readonly Dictionary<string, ExportDefinition> _byName;

    public ExportCatalog(IEnumerable<ExportDefinition> exports)
    {
        ArgumentNullException.ThrowIfNull(exports);
        All = [.. exports.OrderBy(e => e.Order).ThenBy(e => e.Name, StringComparer.Ordinal)];
        _byName = All.ToDictionary(e => e.Name, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Every configured export, enabled or not.</summary>
    public IReadOnlyList<ExportDefinition> All { get; }

    /// <summary>The exports a run covers when none is named.</summary>
    public IReadOnlyList<ExportDefinition> Enabled => [.. All.Where(e => e.Enabled)];

    public bool TryGet(string name, out ExportDefinition export) => _byName.TryGetValue(name, out export!);

    /// <summary>The export of that name, or an error that lists the known names.</summary>
    public ExportDefinition Get(string name) =>
        _byName.TryGetValue(name, out var export)
            ? export
            : throw new UnknownExportException(name, All.Select(e => e.Name));
}

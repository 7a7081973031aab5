using System.ComponentModel.DataAnnotations;

namespace Andalan.Functions.Exports;

/// <summary>
/// What an export is: where the panel offers it, the file it arrives as, its record schema, its key and the
/// Sheets tab it lands in. Everything here is configuration (section <c>Andalan:Exports:{name}</c>), so a new
/// export or a renamed column needs no code change.
/// </summary>
public sealed class ExportDefinition
{
    /// <summary>The export's name, for example <c>transactions</c>; set from the configuration key.</summary>
    [Required]
    public string Name { get; set; } = string.Empty;

    public bool Enabled { get; set; } = true;

    /// <summary>Where the export comes in a run and in reports; configuration sorts its keys, so order is explicit.</summary>
    public int Order { get; set; } = 100;

    public ExportFormat Format { get; set; } = ExportFormat.Pdf;

    /// <summary>The name of the field whose value identifies a record.</summary>
    [Required]
    public string Key { get; set; } = string.Empty;

    /// <summary>The fields in schema order, which is also the column order in CSV and Sheets.</summary>
    public IList<FieldDefinition> Fields { get; set; } = [];

    /// <summary>The Google Sheets tab the records are upserted into.</summary>
    [Required]
    public string Tab { get; set; } = string.Empty;

    public ExportPage Page { get; set; } = new();

    /// <summary>Position of the key field in <see cref="Fields"/>.</summary>
    public int KeyIndex => Fields.Select((f, i) => (f, i)).First(p => p.f.Name == Key).i;

}

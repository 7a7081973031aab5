using System.ComponentModel.DataAnnotations;

namespace Andalan.Functions.Exports;

/// <summary>One field of an export's records: its name, type and the header label the panel prints.</summary>
public sealed class FieldDefinition
{
    /// <summary>The field's name in records, CSV headers and the sheet's header row (snake_case).</summary>
    [Required]
    [RegularExpression("^[a-z][a-z0-9_]*$", ErrorMessage = "A field name is snake_case, for example invoice_no.")]
    public string Name { get; set; } = string.Empty;

    public FieldType Type { get; set; } = FieldType.Text;

    /// <summary>The header label the panel prints; matched tolerantly (case, punctuation, spacing).</summary>
    [Required]
    public string Label { get; set; } = string.Empty;

    /// <summary>Other labels the panel may print for this column, for example after a panel update.</summary>
    public IList<string> Aliases { get; set; } = [];

    /// <summary>All labels that identify this column: the label first, then the aliases.</summary>
    public IEnumerable<string> Labels => Aliases.Prepend(Label);
}

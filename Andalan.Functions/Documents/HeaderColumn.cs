namespace Andalan.Functions.Documents;

/// <summary>One column of a table's header: its label as printed and the field it maps to.</summary>
/// <param name="Label">The label with white space folded.</param>
/// <param name="Field">The field's index in the schema, or <see cref="HeaderMatcher.Unknown"/> or
/// <see cref="HeaderMatcher.RowNumber"/>.</param>
internal sealed record HeaderColumn(string Label, int Field);

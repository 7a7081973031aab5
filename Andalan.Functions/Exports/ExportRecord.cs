namespace Andalan.Functions.Exports;

/// <summary>
/// One typed record of an export. <see cref="Values"/> follow the export's fields in schema order, typed by
/// <see cref="FieldType"/>: <see cref="string"/> for text, <see cref="long"/> for integers and rupiah,
/// <see cref="DateOnly"/> for dates, <see cref="DateTime"/> (kind unspecified, panel local time) for
/// datetimes, and null for an empty cell.
/// </summary>
/// <param name="SourceRow">Where the record came from in its file (1-based row or line), for messages.</param>
/// <param name="Values">The field values in schema order.</param>
public sealed record ExportRecord(int SourceRow, IReadOnlyList<object?> Values);

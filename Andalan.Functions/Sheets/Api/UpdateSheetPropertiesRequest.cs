namespace Andalan.Functions.Sheets.Api;

/// <summary>Changes the properties named in <see cref="Fields"/> (a field mask such as gridProperties.frozenRowCount).</summary>
internal sealed record UpdateSheetPropertiesRequest(SheetProperties Properties, string Fields);

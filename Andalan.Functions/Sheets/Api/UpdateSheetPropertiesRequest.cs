namespace Andalan.Functions.Sheets.Api;

/// <summary>Changes the properties named in <see cref="Fields"/>, a mask like gridProperties.frozenRowCount.</summary>
internal sealed record UpdateSheetPropertiesRequest(SheetProperties Properties, string Fields);

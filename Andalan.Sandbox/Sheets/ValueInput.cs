namespace Andalan.Sandbox.Sheets;

/// <summary>valueInputOption: RAW stores values as given, USER_ENTERED parses them as typed.</summary>
public enum ValueInput
{
    Raw,
    UserEntered,
}

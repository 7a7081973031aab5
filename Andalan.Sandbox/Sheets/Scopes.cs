namespace Andalan.Sandbox.Sheets;

/// <summary>The OAuth scopes that open the Sheets API.</summary>
public static class Scopes
{
    public const string Spreadsheets = "https://www.googleapis.com/auth/spreadsheets";
    public const string SpreadsheetsReadOnly = "https://www.googleapis.com/auth/spreadsheets.readonly";
    public const string Drive = "https://www.googleapis.com/auth/drive";
    public const string DriveFile = "https://www.googleapis.com/auth/drive.file";

    public static bool AllowsSheets(string scope) =>
        scope is Spreadsheets or SpreadsheetsReadOnly or Drive or DriveFile;
}

namespace Andalan.Functions.Exports;

/// <summary>Where an export lives in the admin panel and how its export button is reached.</summary>
public sealed class ExportPage
{
    /// <summary>The report page, relative to the panel's base URL.</summary>
    public string Path { get; set; } = "/";

    /// <summary>CSS selector of the button or link that produces the file.</summary>
    public string ExportButton { get; set; } = "#btn-export";

    /// <summary>CSS selector of the date-from input, or empty when the export has no date filter.</summary>
    public string? DateFromInput { get; set; }

    /// <summary>CSS selector of the date-to input, or empty when the export has no date filter.</summary>
    public string? DateToInput { get; set; }

    /// <summary>CSS selector of the button that applies the filter, or empty when the export reads the inputs.</summary>
    public string? FilterSubmit { get; set; }

    /// <summary>How many days back the date window reaches (today included); empty exports everything.</summary>
    public int? DateWindowDays { get; set; }

    /// <summary>True when this export is filtered by a date window.</summary>
    public bool HasDateWindow =>
        DateWindowDays is > 0 && !string.IsNullOrWhiteSpace(DateFromInput) && !string.IsNullOrWhiteSpace(DateToInput);
}

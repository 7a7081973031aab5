namespace Andalan.Sandbox.Sheets;

/// <summary>A cell's number format as the API names it: a type (DATE, CURRENCY, TEXT, ...) and a pattern.</summary>
public sealed record NumberFormat(string Type, string Pattern)
{
    /// <summary>The pattern Sheets shows for a type when none is given (en_US locale).</summary>
    public string EffectivePattern => Pattern is { Length: > 0 }
        ? Pattern
        : Type switch
        {
            "DATE" => "M/d/yyyy",
            "TIME" => "h:mm:ss am/pm",
            "DATE_TIME" => "M/d/yyyy H:mm:ss",
            "CURRENCY" => "\"$\"#,##0.00",
            "PERCENT" => "0.00%",
            "SCIENTIFIC" => "0.00E+00",
            "TEXT" => "@",
            _ => "#,##0.00",
        };

    public bool IsDateLike => Type is "DATE" or "TIME" or "DATE_TIME";
}

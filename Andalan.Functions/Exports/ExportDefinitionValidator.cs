using System.ComponentModel.DataAnnotations;

namespace Andalan.Functions.Exports;

/// <summary>Checks an export definition for the rules that span fields; returns every problem found.</summary>
public static class ExportDefinitionValidator
{
    public static IReadOnlyList<string> Validate(ExportDefinition export)
    {
        ArgumentNullException.ThrowIfNull(export);
        var problems = new List<string>();
        var where = $"Andalan:Exports:{export.Name}";

        Annotate(export, where, problems);
        if (export.Fields.Count == 0)
        {
            problems.Add($"{where}:Fields is empty: an export needs at least its key field.");
        }

        for (var i = 0; i < export.Fields.Count; i++)
        {
            Annotate(export.Fields[i], $"{where}:Fields:{i}", problems);
        }

        foreach (var name in export.Fields.GroupBy(f => f.Name).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            problems.Add($"{where}:Fields names '{name}' more than once.");
        }

        if (!string.IsNullOrEmpty(export.Key) && export.Fields.All(f => f.Name != export.Key))
        {
            problems.Add($"{where}:Key is '{export.Key}', which is not one of its fields.");
        }

        if (export.Page.DateWindowDays is > 0 &&
            (string.IsNullOrWhiteSpace(export.Page.DateFromInput) || string.IsNullOrWhiteSpace(export.Page.DateToInput)))
        {
            problems.Add($"{where}:Page:DateWindowDays is set but DateFromInput or DateToInput is empty.");
        }

        return problems;
    }

    private static void Annotate(object target, string where, List<string> problems)
    {
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(target, new ValidationContext(target), results, validateAllProperties: true))
        {
            problems.AddRange(results.Select(r =>
                $"{where}:{string.Join(",", r.MemberNames)}: {r.ErrorMessage}"));
        }
    }
}

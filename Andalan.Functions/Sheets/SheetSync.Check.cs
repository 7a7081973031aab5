using System.Globalization;
using Andalan.Functions.Exports;
using Andalan.Functions.Preflight;

namespace Andalan.Functions.Sheets;

/// <summary>The <c>check</c> verb's preflight: the spreadsheet answers, each export's tab fits its schema.</summary>
internal sealed partial class SheetSync
{
    /// <summary>Two calls at most: the tab list, then every existing tab's header row in one batchGet.</summary>
    public async Task<IReadOnlyList<PreflightResult>> CheckAsync(
        IReadOnlyList<ExportDefinition> exports, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(exports);
        var results = new List<PreflightResult>();
        var account = ServiceAccountKey.Email(_options.ServiceAccountJson) ?? "the service account";
        Api.SpreadsheetResource spreadsheet;
        try
        {
            spreadsheet = await client.GetSpreadsheetAsync(cancellationToken);
        }
        catch (SheetsApiException e)
        {
            var detail = e.StatusCode switch
            {
                404 => $"Spreadsheet '{_options.SpreadsheetId}' was not found; check " +
                    $"{SheetsOptions.SectionName}:SpreadsheetId and that it is shared with {account}.",
                403 => $"Spreadsheet '{_options.SpreadsheetId}' is not shared with {account}; " +
                    $"give it Editor access. ({e.ApiMessage})",
                _ => e.Message,
            };
            results.Add(new PreflightResult("sheets: spreadsheet", false, detail));

            return results;
        }

        var tabs = spreadsheet.Sheets?.Select(s => s.Properties).ToList() ?? [];
        var used = tabs.Sum(t => (long)(t.GridProperties?.RowCount ?? 0) * (t.GridProperties?.ColumnCount ?? 0));
        results.Add(new PreflightResult(
            "sheets: spreadsheet",
            true,
            string.Create(
                CultureInfo.InvariantCulture,
                $"'{spreadsheet.Properties?.Title}' answers to {account}; " +
                $"{used:N0} of {_options.CellLimit:N0} cells in use.")));

        var existing = exports.Where(e => tabs.Any(t => t.Title == e.Tab)).ToList();
        IReadOnlyList<string> headerRows =
            [.. existing.Select(e => $"{SheetValues.Quote(e.Tab)}!A1:{SheetValues.ColumnName(e.Fields.Count - 1)}1")];
        var headers = existing.Count == 0 ? [] : await client.BatchGetValuesAsync(headerRows, cancellationToken);
        foreach (var export in exports)
        {
            var at = existing.IndexOf(export);
            var check = $"sheets: tab '{export.Tab}'";
            if (at < 0)
            {
                results.Add(new PreflightResult(
                    check, true, $"Not there yet; the first run of {export.Name} creates it."));
                continue;
            }

            var header = at < headers.Count && headers[at].Rows.Count > 0 ? headers[at].Rows[0] : [];
            var problem = header.Count == 0 ? null : HeaderProblem(export, header);
            results.Add(new PreflightResult(
                check,
                problem is null,
                problem ?? (header.Count == 0
                    ? $"Empty; the first run of {export.Name} writes its header."
                    : $"Header matches the {export.Fields.Count} columns of {export.Name}.")));
        }

        return results;
    }
}

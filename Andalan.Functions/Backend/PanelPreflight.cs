using Andalan.Functions.Exports;
using Andalan.Functions.Preflight;

namespace Andalan.Functions.Backend;

/// <summary>
/// The <c>check</c> verb's panel part: the login works, and every enabled export's report page shows its
/// export button (and date inputs and filter, where it has a date window). Nothing is downloaded.
/// </summary>
public sealed class PanelPreflight(BackendSession session, ExportCatalog catalog)
{
    public async Task<IReadOnlyList<PreflightResult>> CheckAsync(CancellationToken cancellationToken)
    {
        var results = new List<PreflightResult>();
        try
        {
            await session.EnsureLoggedInAsync(cancellationToken);
            results.Add(new PreflightResult("panel login", true, "logged in"));
        }
        catch (BackendException ex)
        {
            results.Add(new PreflightResult("panel login", false, ex.Message));
            results.AddRange(catalog.Enabled.Select(e =>
                new PreflightResult($"panel page {e.Name}", false, "not checked: the login failed")));

            return results;
        }

        foreach (var export in catalog.Enabled)
        {
            try
            {
                var url = await session.FindExportControlsAsync(export, cancellationToken);
                var found = export.Page.HasDateWindow ? "export button, date inputs and filter" : "export button";
                results.Add(new PreflightResult($"panel page {export.Name}", true, $"{found} found on {url}"));
            }
            catch (BackendException ex)
            {
                results.Add(new PreflightResult($"panel page {export.Name}", false, ex.Message));
            }
        }

        return results;
    }
}

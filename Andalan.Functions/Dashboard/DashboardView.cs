using Andalan.Functions.Storage;
using Andalan.Functions.Workflow;

namespace Andalan.Functions.Dashboard;

/// <summary>Everything the dashboard page shows; <see cref="DashboardPage"/> turns it into HTML.</summary>
/// <param name="Runs">Runs from the history, newest first; the table shows the first <see cref="DashboardPage.TableRuns"/>.</param>
/// <param name="Now">The page's time: the charts cover the 30 days before it.</param>
/// <param name="Current">The run going now, when the page knows of one.</param>
/// <param name="Notice">A message for the person at the top of the page, for example the answer to a start.</param>
/// <param name="StartAction">Where the start button posts (a URL with the function key); null shows no button.</param>
/// <param name="FileLink">The link to an archived file by blob name; null (or a null answer) shows the name only.</param>
/// <param name="Footer">A line at the bottom saying where the page comes from.</param>
public sealed record DashboardView(
    IReadOnlyList<RunRecord> Runs,
    DateTimeOffset Now,
    RunProgress? Current = null,
    DashboardNotice? Notice = null,
    string? StartAction = null,
    Func<string, string?>? FileLink = null,
    string? Footer = null);

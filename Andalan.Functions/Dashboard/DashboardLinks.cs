using System.Web;

namespace Andalan.Functions.Dashboard;

/// <summary>
/// The dashboard's own addresses, worked out from the URL it was called at (whatever the host's route prefix):
/// where its start button posts, where a file link points and where a start redirects. Each carries on the
/// function key the page was called with (<c>code</c>), because a plain HTML form or link cannot send the
/// <c>x-functions-key</c> header.
/// </summary>
/// <param name="PagePath">The page's path, for example <c>/api/dashboard</c>, without a trailing slash.</param>
/// <param name="Code">The function key from the query, or null.</param>
public sealed record DashboardLinks(string PagePath, string? Code)
{
    private const string RunsSegment = "/runs";
    private const string FilesSegment = "/files/";

    /// <summary>The links for a request to the page itself or to its start endpoint.</summary>
    public static DashboardLinks From(Uri requestUrl)
    {
        ArgumentNullException.ThrowIfNull(requestUrl);
        var path = requestUrl.AbsolutePath.TrimEnd('/');
        if (path.EndsWith(RunsSegment, StringComparison.Ordinal))
        {
            path = path[..^RunsSegment.Length];
        }

        var code = HttpUtility.ParseQueryString(requestUrl.Query)["code"];

        return new DashboardLinks(path, string.IsNullOrEmpty(code) ? null : code);
    }

    public string StartAction => PagePath + RunsSegment + Query();

    /// <summary>The page again, saying which run was started.</summary>
    public string AfterStart(string runId) => PagePath + Query(("started", runId));

    /// <summary>The link to an archived file by its blob name (<c>{runId}/{export}/{fileName}</c>).</summary>
    public string? File(string blobName)
    {
        ArgumentNullException.ThrowIfNull(blobName);
        var segments = blobName.Split('/');

        return segments.Length == 3 && segments.All(s => s.Length > 0)
            ? PagePath + FilesSegment + string.Join('/', segments.Select(Uri.EscapeDataString)) + Query()
            : null;
    }

    private string Query(params (string Name, string Value)[] extra)
    {
        var pairs = new List<string>();
        if (Code is not null)
        {
            pairs.Add("code=" + Uri.EscapeDataString(Code));
        }

        pairs.AddRange(extra.Select(p => p.Name + "=" + Uri.EscapeDataString(p.Value)));

        return pairs.Count == 0 ? string.Empty : "?" + string.Join('&', pairs);
    }
}

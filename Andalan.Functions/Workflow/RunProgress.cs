namespace Andalan.Functions.Workflow;

/// <summary>Where a run is: exports finished so far and what is happening now.</summary>
public sealed record RunProgress(string RunId, int Done, int Total, string Current);

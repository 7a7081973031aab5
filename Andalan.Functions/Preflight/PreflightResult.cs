namespace Andalan.Functions.Preflight;

/// <summary>
/// One line of the <c>check</c> verb: what was checked, whether it passed, and what a person should know
/// or do (never a secret).
/// </summary>
/// <param name="Check">What was checked, for example "panel login" or "sheet tab Transaksi".</param>
/// <param name="Passed">True when the check passed.</param>
/// <param name="Detail">What was found, or what to do when it failed.</param>
public sealed record PreflightResult(string Check, bool Passed, string Detail);

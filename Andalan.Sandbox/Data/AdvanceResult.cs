namespace Andalan.Sandbox.Data;

/// <summary>The outcome of <see cref="PanelStore.Advance"/>: the period time moved over and what changed.</summary>
public sealed record AdvanceResult(DateTime From, DateTime To, IReadOnlyList<ExportChange> Exports);

namespace Andalan.Functions.Storage;

/// <summary>What a retention cleanup deleted.</summary>
/// <param name="RunsDeleted">Runs whose files were all older than the retention.</param>
/// <param name="FilesDeleted">Files deleted with them.</param>
/// <param name="Cutoff">Runs whose newest file is older than this were deleted.</param>
public sealed record RetentionCleanup(int RunsDeleted, int FilesDeleted, DateTimeOffset Cutoff);

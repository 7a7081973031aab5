namespace Andalan.Functions.Storage;

/// <summary>Why a file is in the archive.</summary>
public enum ArchivedFileKind
{
    /// <summary>An export as the panel served it; an import retries from it.</summary>
    Download,

    /// <summary>What a failure left behind (a screenshot, the page's HTML, a corrupt download).</summary>
    Evidence,
}

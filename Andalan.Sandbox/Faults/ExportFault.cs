namespace Andalan.Sandbox.Faults;

/// <summary>What the panel does wrong when an export is requested.</summary>
public enum ExportFault
{
    None,

    /// <summary>The file is cut short and is no longer a valid xlsx or PDF.</summary>
    Corrupt,

    /// <summary>A valid document with the header and no rows.</summary>
    Empty,

    /// <summary>A valid document in which one column's header label is changed.</summary>
    RenamedColumn,

    /// <summary>The file is padded with 3 MiB of blanks after its end: far larger than usual.</summary>
    Oversized,

    /// <summary>The export answers 500.</summary>
    ServerError,
}

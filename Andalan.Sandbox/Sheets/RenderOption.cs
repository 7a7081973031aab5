namespace Andalan.Sandbox.Sheets;

/// <summary>valueRenderOption: how values are answered.</summary>
public enum RenderOption
{
    Formatted,
    Unformatted,
    Formula,
}

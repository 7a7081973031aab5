namespace Andalan.Sandbox.Data;

/// <summary>The body of <c>POST /_sandbox/advance</c>: how many hours the panel's time moves on.</summary>
public sealed record AdvanceRequest(double Hours);

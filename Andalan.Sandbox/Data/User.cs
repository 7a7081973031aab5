namespace Andalan.Sandbox.Data;

/// <summary>A loyalty member. Email may be empty; the phone keeps its leading zero.</summary>
public sealed record User(
    string UserId,
    string Name,
    string? Email,
    string Phone,
    DateOnly RegisteredAt,
    string Tier,
    long Points,
    long Coins,
    string Status);

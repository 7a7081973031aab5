namespace Andalan.Sandbox.Data;

/// <summary>A change to a member's points. Email and description may be empty; points may be negative.</summary>
public sealed record PointTransaction(
    string Id,
    DateTime CreatedAt,
    string UserName,
    string? UserEmail,
    string Type,
    long Points,
    string? Description,
    long Balance);

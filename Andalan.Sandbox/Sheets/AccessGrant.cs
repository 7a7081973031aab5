namespace Andalan.Sandbox.Sheets;

/// <summary>What an issued access token stands for: who (the service account) and which scopes, until when.</summary>
public sealed record AccessGrant(string Subject, IReadOnlySet<string> Scopes, DateTimeOffset ExpiresAt);

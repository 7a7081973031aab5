namespace Andalan.Sandbox.KeyVault;

/// <summary>An access token the managed identity endpoint handed out.</summary>
public sealed record IssuedToken(string AccessToken, string Resource, DateTimeOffset ExpiresOn);

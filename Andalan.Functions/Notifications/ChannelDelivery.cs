namespace Andalan.Functions.Notifications;

/// <summary>Whether one channel delivered one notification; the problem never holds a token or a secret URL.</summary>
public sealed record ChannelDelivery(string Channel, bool Delivered, string? Problem = null);

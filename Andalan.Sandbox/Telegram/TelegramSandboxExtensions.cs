using Andalan.Sandbox.Hosting;

namespace Andalan.Sandbox.Telegram;

/// <summary>In-process access to the Telegram stand-in, for tests.</summary>
public static class TelegramSandboxExtensions
{
    /// <summary>The messages the bot sent, oldest first.</summary>
    public static TelegramChat Chat(this SandboxInstance sandbox)
    {
        ArgumentNullException.ThrowIfNull(sandbox);

        return sandbox.Services.GetRequiredService<TelegramChat>();
    }

    /// <summary>The flood limits; raise or zero them for tests that send many messages.</summary>
    public static TelegramLimits TelegramLimits(this SandboxInstance sandbox)
    {
        ArgumentNullException.ThrowIfNull(sandbox);

        return sandbox.Services.GetRequiredService<TelegramLimits>();
    }
}

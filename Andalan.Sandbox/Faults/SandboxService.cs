namespace Andalan.Sandbox.Faults;

/// <summary>The outside services the sandbox plays; each has its own fault switches and call log.</summary>
public enum SandboxService
{
    Panel,
    Sheets,
    OAuth,
    Telegram,
    KeyVault,
    Identity,
    Webhook,
}

namespace Andalan.Functions.Secrets;

/// <summary>
/// One secret's three spellings: the configuration key (<c>Andalan:Panel:Password</c>), the Key Vault name
/// (<c>Andalan--Panel--Password</c>, since vault names allow only letters, digits and dashes) and the
/// setting or environment variable (<c>Andalan__Panel__Password</c>).
/// </summary>
public static class SecretNames
{
    private const string VaultSeparator = "--";
    private const string SettingSeparator = "__";

    public static string ToConfigurationKey(string vaultName)
    {
        ArgumentNullException.ThrowIfNull(vaultName);

        return vaultName.Replace(VaultSeparator, ":", StringComparison.Ordinal);
    }

    public static string ToVaultName(string configurationKey)
    {
        ArgumentNullException.ThrowIfNull(configurationKey);

        return configurationKey.Replace(":", VaultSeparator, StringComparison.Ordinal);
    }

    public static string ToSettingName(string configurationKey)
    {
        ArgumentNullException.ThrowIfNull(configurationKey);

        return configurationKey.Replace(":", SettingSeparator, StringComparison.Ordinal);
    }
}

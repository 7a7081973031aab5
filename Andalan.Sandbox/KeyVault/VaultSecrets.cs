using System.Security.Cryptography;
using Andalan.Sandbox.Hosting;

namespace Andalan.Sandbox.KeyVault;

/// <summary>
/// The vault's secrets, each with its versions. Seeded on first use with the app's secrets under Key Vault
/// names, where <c>--</c> stands for the configuration separator <c>:</c>, holding the same values as the
/// sandbox's settings (<see cref="SandboxInstance.AppSettings"/>).
/// </summary>
public sealed class VaultSecrets(SandboxCredentials credentials, SandboxAddresses addresses, TimeProvider time)
{
    private readonly Dictionary<string, List<VaultSecretVersion>> _secrets = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _gate = new();
    private bool _seeded;

    /// <summary>The directory the challenge names; any token from the identity endpoint is accepted anyway.</summary>
    public Guid TenantId { get; } = Guid.NewGuid();

    public static bool IsValidName(string name) =>
        name.Length is > 0 and <= 127 && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    /// <summary>Adds a new version of a secret and makes it the latest.</summary>
    public VaultSecretVersion Set(string name, string value, string? contentType = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        if (!IsValidName(name))
        {
            throw new ArgumentException($"'{name}' is not a valid Key Vault secret name.", nameof(name));
        }

        lock (_gate)
        {
            Seed();

            return Add(name, value, contentType);
        }
    }

    /// <summary>Deletes a secret with all its versions; false when there was none.</summary>
    public bool Delete(string name)
    {
        lock (_gate)
        {
            Seed();

            return _secrets.Remove(name);
        }
    }

    /// <summary>The latest version, or the named one; null when there is no such secret or version.</summary>
    public VaultSecretVersion? Get(string name, string? version = null)
    {
        lock (_gate)
        {
            Seed();
            if (!_secrets.TryGetValue(name, out var versions))
            {
                return null;
            }

            return version is null
                ? versions[^1]
                : versions.Find(v => v.Version.Equals(version, StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>The latest version of every secret, by name.</summary>
    public IReadOnlyList<VaultSecretVersion> Latest()
    {
        lock (_gate)
        {
            Seed();

            return [.. _secrets.Values.Select(v => v[^1]).OrderBy(v => v.Name, StringComparer.OrdinalIgnoreCase)];
        }
    }

    /// <summary>Every version of a secret, oldest first; empty when there is no such secret.</summary>
    public IReadOnlyList<VaultSecretVersion> Versions(string name)
    {
        lock (_gate)
        {
            Seed();

            return _secrets.TryGetValue(name, out var versions) ? [.. versions] : [];
        }
    }

    private void Seed()
    {
        if (_seeded)
        {
            return;
        }

        _seeded = true;
        Add("Andalan--Panel--Username", credentials.PanelUser, null);
        Add("Andalan--Panel--Password", credentials.PanelPassword, null);
        Add("Andalan--Sheets--ServiceAccountJson", credentials.ServiceAccountJson(addresses.TokenUrl), "application/json");
        Add("Andalan--Telegram--BotToken", credentials.BotToken, null);
    }

    private VaultSecretVersion Add(string name, string value, string? contentType)
    {
        var version = new VaultSecretVersion(
            name, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), value, contentType,
            time.GetUtcNow(), Enabled: true);
        if (!_secrets.TryGetValue(name, out var versions))
        {
            versions = [];
            _secrets[name] = versions;
        }

        versions.Add(version);

        return version;
    }
}

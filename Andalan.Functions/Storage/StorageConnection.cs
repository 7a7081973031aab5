using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;

namespace Andalan.Functions.Storage;

/// <summary>
/// The storage account the Functions host uses, read the way the host reads it: the <c>AzureWebJobsStorage</c>
/// connection string (<c>UseDevelopmentStorage=true</c> for Azurite), or identity-based service URIs with
/// DefaultAzureCredential (and <c>AzureWebJobsStorage__clientId</c> for a user-assigned identity).
/// </summary>
public static class StorageConnection
{
    public const string SettingName = "AzureWebJobsStorage";

    private static readonly string[] ServiceUriSettings = ["blobServiceUri", "tableServiceUri"];

    public static BlobServiceClient CreateBlobServiceClient(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (ConnectionString(configuration) is { } connectionString)
        {
            return new BlobServiceClient(connectionString);
        }

        return new BlobServiceClient(ServiceUri(configuration, "blobServiceUri"), Credential(configuration));
    }

    public static TableServiceClient CreateTableServiceClient(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (ConnectionString(configuration) is { } connectionString)
        {
            return new TableServiceClient(connectionString);
        }

        return new TableServiceClient(ServiceUri(configuration, "tableServiceUri"), Credential(configuration));
    }

    /// <summary>What is wrong with the connection settings, or null when one of the two forms is complete.</summary>
    public static string? Problem(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (ConnectionString(configuration) is not null)
        {
            return null;
        }

        var section = configuration.GetSection(SettingName);
        var missing = ServiceUriSettings
            .Where(name => !Uri.TryCreate(section[name], UriKind.Absolute, out _))
            .ToList();

        return missing.Count == 0
            ? null
            : $"Storage is not configured: set {SettingName} to a connection string (UseDevelopmentStorage=true " +
              $"for Azurite), or set {string.Join(" and ", missing.Select(m => $"{SettingName}__{m}"))} for an " +
              "identity-based connection.";
    }

    private static string? ConnectionString(IConfiguration configuration) =>
        configuration[SettingName] is { Length: > 0 } value ? value : null;

    private static Uri ServiceUri(IConfiguration configuration, string name) =>
        Uri.TryCreate(configuration.GetSection(SettingName)[name], UriKind.Absolute, out var uri)
            ? uri
            : throw new InvalidOperationException(Problem(configuration));

    private static DefaultAzureCredential Credential(IConfiguration configuration) => new(new DefaultAzureCredentialOptions
    {
        ManagedIdentityClientId = configuration.GetSection(SettingName)["clientId"],
    });
}

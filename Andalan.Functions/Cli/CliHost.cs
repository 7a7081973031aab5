using System.Text.Json;
using Andalan.Functions.Secrets;
using Andalan.Functions.Workflow;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Andalan.Functions.Cli;

/// <summary>
/// The pipeline outside the Functions host: the same registrations, configuration from environment variables
/// and, optionally, a local.settings.json-shaped file whose Values become environment variables of this
/// process, as the Functions tools do. Logs go to stderr, so stdout carries only the verb's output.
/// </summary>
internal static class CliHost
{
    public static async Task<IHost> StartAsync(string? settingsFile, CancellationToken cancellationToken)
    {
        if (settingsFile is not null)
        {
            ApplySettingsFile(settingsFile);
        }

        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddEnvironmentVariables();
        builder.Configuration.AddPipelineConfiguration();
        builder.Logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss ";
            console.ColorBehavior = LoggerColorBehavior.Disabled;
        });
        builder.Services.Configure<ConsoleLoggerOptions>(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Andalan", LogLevel.Information);
        builder.Services.AddExportPipeline();

        var host = builder.Build();
        await host.StartAsync(cancellationToken);

        return host;
    }

    /// <summary>
    /// Failures that mean the settings are wrong (a missing secret, a bad value, an unreadable settings file, a
    /// Key Vault that cannot be read): the verb says so and exits, rather than crashing with a stack trace.
    /// </summary>
    public static bool IsSettingsProblem(Exception exception) =>
        exception is OptionsValidationException or InvalidOperationException or IOException or InvalidDataException
            or SecretsUnavailableException or MissingSecretException;

    /// <summary>Sets each of the file's Values as an environment variable unless the environment already has it.</summary>
    private static void ApplySettingsFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The settings file {path} does not exist.", path);
        }

        using var document = JsonDocument.Parse(File.ReadAllText(path));
        if (!document.RootElement.TryGetProperty("Values", out var values) || values.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"The settings file {path} has no \"Values\" object (the local.settings.json shape).");
        }

        foreach (var value in values.EnumerateObject())
        {
            if (Environment.GetEnvironmentVariable(value.Name) is null)
            {
                Environment.SetEnvironmentVariable(value.Name, value.Value.ToString());
            }
        }
    }
}

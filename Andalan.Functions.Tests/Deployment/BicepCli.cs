using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Andalan.Functions.Tests.Fixtures;

namespace Andalan.Functions.Tests.Deployment;

/// <summary>
/// Runs the Bicep CLI on infra/. The executable is $ANDALAN_BICEP, else the one the test project's PackageDownload
/// put in the NuGet cache (Azure.Bicep.CommandLine.linux-x64, version in Directory.Packages.props), else bicep on
/// PATH. Bicep works offline: its Azure resource types are built in.
/// </summary>
internal static partial class BicepCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    private static readonly Lazy<JsonDocument> CompiledTemplate = new(() =>
    {
        var result = Run(null, "build", MainTemplate, "--stdout");
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"bicep build failed:{Environment.NewLine}{result.Error}");
        }

        return JsonDocument.Parse(result.Output);
    });

    public static string InfraFolder => Path.Combine(RepositoryPaths.Root, "infra");

    public static string MainTemplate => Path.Combine(InfraFolder, "main.bicep");

    public static string ParametersFile => Path.Combine(InfraFolder, "main.bicepparam");

    /// <summary>main.bicep compiled to an ARM template, once per test run.</summary>
    public static JsonElement Template => CompiledTemplate.Value.RootElement;

    public static BicepResult Run(IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(Executable())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = InfraFolder,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Nothing in the machine's environment may satisfy the parameters file by accident.
        var inherited = start.Environment.Keys.Where(k => k.StartsWith("ANDALAN_", StringComparison.Ordinal)).ToList();
        foreach (var name in inherited)
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bicep did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} took longer than {Timeout}.");
        }

        return new BicepResult(process.ExitCode, output.Result, error.Result);
    }

    /// <summary>The diagnostics (warnings and errors) bicep printed, one line each.</summary>
    public static IReadOnlyList<string> Diagnostics(BicepResult result)
    {
        ArgumentNullException.ThrowIfNull(result);

        return [.. (result.Output + Environment.NewLine + result.Error)
            .Split('\n')
            .Select(line => line.Trim())
            .Where(line => DiagnosticLine().IsMatch(line))];
    }

    private static string Executable()
    {
        if (Environment.GetEnvironmentVariable("ANDALAN_BICEP") is { Length: > 0 } configured)
        {
            return configured;
        }

        var restored = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "BicepCli")?.Value;
        if (restored is { Length: > 0 } && File.Exists(restored))
        {
            return restored;
        }

        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "bicep"))
            .FirstOrDefault(File.Exists);

        return onPath ?? throw new InvalidOperationException(
            $"No Bicep CLI: expected {restored ?? "the Azure.Bicep.CommandLine.linux-x64 package"} (restored by " +
            "building Andalan.Functions.Tests on Linux x64), $ANDALAN_BICEP or bicep on PATH.");
    }

    // "path(line,column) : Warning BCP037: ..." and the same for errors and linter rules.
    [GeneratedRegex(@"\(\d+,\d+\)\s*:\s*(Warning|Error|Info)\s", RegexOptions.IgnoreCase)]
    private static partial Regex DiagnosticLine();
}

internal sealed record BicepResult(int ExitCode, string Output, string Error);

using System.Collections;
using System.Globalization;
using System.Reflection;
using Andalan.Functions.Secrets;
using Andalan.Functions.Workflow;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Andalan.Functions.Tests.Deployment;

/// <summary>
/// Every setting the app binds, found the way the app finds them: the options types the pipeline's registration
/// binds to configuration (BindConfiguration registers a change-token source per type), each with its
/// <c>SectionName</c>, and each public settable property of it. A new options class or property shows up here
/// without anyone listing it.
/// </summary>
internal static class AppSettingsCatalog
{
    /// <summary>Read only in the sandbox (its self-signed vault); never set in Azure.</summary>
    public static readonly IReadOnlySet<string> SandboxOnly = new HashSet<string>(StringComparer.Ordinal)
    {
        "Andalan__KeyVault__TrustedCertificatePath",
    };

    public static IReadOnlyList<Type> OptionsTypes { get; } = FindOptionsTypes();

    public static IReadOnlyList<AppSetting> Settings { get; } = [.. OptionsTypes.SelectMany(SettingsOf)];

    /// <summary>The secrets' setting names (Andalan__Panel__Password): in Key Vault, never in app settings.</summary>
    public static IReadOnlySet<string> Secrets { get; } = new HashSet<string>(
        RequiredSecrets.All.Select(SecretNames.ToSettingName),
        StringComparer.Ordinal);

    /// <summary>Binds <paramref name="values"/> (names with __) to every options type and validates them.</summary>
    public static void BindAndValidate(IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v =>
                new KeyValuePair<string, string?>(v.Key.Replace("__", ":", StringComparison.Ordinal), v.Value)))
            .Build();
        using var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddExportPipeline()
            .BuildServiceProvider();
        foreach (var type in OptionsTypes)
        {
            var options = services.GetRequiredService(typeof(IOptions<>).MakeGenericType(type));

            // Reading Value binds and runs every validator; a bad value throws OptionsValidationException.
            _ = options.GetType().GetProperty(nameof(IOptions<object>.Value))!.GetValue(options);
        }
    }

    private static List<Type> FindOptionsTypes()
    {
        var services = new ServiceCollection().AddExportPipeline();

        return [.. services
            .Select(d => d.ServiceType)
            .Where(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IOptionsChangeTokenSource<>))
            .Select(t => t.GetGenericArguments()[0])
            .Distinct()
            .OrderBy(t => t.FullName, StringComparer.Ordinal)];
    }

    private static IEnumerable<AppSetting> SettingsOf(Type type)
    {
        var field = type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static);
        var section = field?.GetRawConstantValue() as string
            ?? throw new InvalidOperationException($"{type.Name} is bound to configuration but has no SectionName.");
        var defaults = Activator.CreateInstance(type);

        return type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true })
            .Select(p => new AppSetting(
                section.Replace(":", "__", StringComparison.Ordinal) + "__" + p.Name,
                type,
                p.PropertyType != typeof(string) && typeof(IEnumerable).IsAssignableFrom(p.PropertyType),
                Text(p.GetValue(defaults))));
    }

    /// <summary>A default value as it is written in a setting.</summary>
    private static string Text(object? value) => value switch
    {
        null => string.Empty,
        bool b => b ? "true" : "false",
        TimeSpan t => t.ToString("c", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable and not string => string.Empty,
        _ => value.ToString() ?? string.Empty,
    };
}

/// <summary>One setting: its name with __, its options type, whether it is a list, and the app's default.</summary>
internal sealed record AppSetting(string Name, Type Options, bool IsList, string Default);

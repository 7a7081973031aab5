using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Andalan.Functions.Exports;

public static class ExportsRegistration
{
    /// <summary>
    /// Adds the four default exports as the lowest-priority configuration, so settings and environment
    /// variables (<c>Andalan__Exports__users__Fields__3__Label</c>) override or extend them.
    /// </summary>
    public static IConfigurationBuilder AddDefaultExports(this IConfigurationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var stream = typeof(ExportsRegistration).Assembly
            .GetManifestResourceStream("Andalan.Functions.Exports.exports.defaults.json")
            ?? throw new InvalidOperationException("The default export definitions are missing from the build.");

        var defaults = new ConfigurationBuilder().AddJsonStream(stream).Build();
        builder.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource
        {
            InitialData = defaults.AsEnumerable().Where(p => p.Value is not null),
        });

        return builder;
    }

    /// <summary>Reads the exports from configuration; a definition that breaks a rule stops start-up.</summary>
    public static ExportCatalog ReadExports(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var exports = new List<ExportDefinition>();
        foreach (var section in configuration.GetSection(ExportCatalog.SectionName).GetChildren())
        {
            var export = new ExportDefinition();
            section.Bind(export);
            export.Name = section.Key;
            exports.Add(export);
        }

        var problems = exports.SelectMany(ExportDefinitionValidator.Validate).ToList();
        if (exports.Count == 0)
        {
            problems.Add($"No exports are configured under {ExportCatalog.SectionName}.");
        }

        return problems.Count == 0
            ? new ExportCatalog(exports)
            : throw new InvalidOperationException(
                "The export configuration is not valid:" + Environment.NewLine + string.Join(Environment.NewLine, problems));
    }

    public static IServiceCollection AddExports(this IServiceCollection services)
    {
        services.AddSingleton(sp => ReadExports(sp.GetRequiredService<IConfiguration>()));

        return services;
    }
}

using Andalan.Functions.Documents;
using Andalan.Functions.Exports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Andalan.Functions.Tests.Documents;

/// <summary>The committed documents under Fixtures/Files/Documents, and a reader with the default exports.</summary>
internal static class DocumentFiles
{
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Files", "Documents");

    public static ExportCatalog Exports { get; } = ExportsRegistration.ReadExports(
        new ConfigurationBuilder().AddDefaultExports().Build());

    public static string PathOf(string name) => Path.Combine(Folder, name);

    public static DocumentReader Reader(DocumentsOptions? options = null) =>
        new(Options.Create(options ?? new DocumentsOptions()), NullLogger<DocumentReader>.Instance, TimeProvider.System);

    public static string Csv(ExportDefinition export, IEnumerable<ExportRecord> records)
    {
        using var writer = new StringWriter();
        RecordText.WriteCsv(writer, export, records);

        return writer.ToString();
    }
}

using Andalan.Functions.Documents;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Andalan.Functions.Tests.Documents;

public sealed class DocumentsRegistrationTests
{
    [Fact]
    public void AddDocuments_LimitsFromConfiguration_ReachTheReader()
    {
        using var services = Services(new Dictionary<string, string?> { ["Andalan:Documents:MaxPages"] = "2" });

        var reader = services.GetRequiredService<DocumentReader>();

        var error = Assert.Throws<DocumentException>(() => reader.Read(
            DocumentFiles.PathOf("coin_payments_positioned.pdf"), DocumentFiles.Exports.Get("coin_payments")));
        Assert.Equal(DocumentErrorKind.TooLarge, error.Kind);
    }

    [Fact]
    public void AddDocuments_LimitOutOfRange_FailsValidation()
    {
        using var services = Services(new Dictionary<string, string?> { ["Andalan:Documents:MaxPages"] = "0" });

        var error = Assert.Throws<OptionsValidationException>(() =>
            services.GetRequiredService<IOptions<DocumentsOptions>>().Value);

        Assert.Contains("MaxPages", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_StreamThatCannotSeek_IsReadAllTheSame()
    {
        var export = DocumentFiles.Exports.Get("users");
        using var content = new ForwardOnlyStream(File.ReadAllBytes(DocumentFiles.PathOf("users_wkhtmltopdf.pdf")));

        var result = DocumentFiles.Reader().Read(content, export);

        Assert.Equal(File.ReadAllText(DocumentFiles.PathOf("users_wkhtmltopdf.expected.csv")),
            DocumentFiles.Csv(export, result.Records));
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddDocuments()
            .BuildServiceProvider();
    }

    /// <summary>A download stream: it reads forward only.</summary>
    private sealed class ForwardOnlyStream(byte[] content) : MemoryStream(content)
    {
        public override bool CanSeek => false;
    }
}

using System.ComponentModel.DataAnnotations;
using Andalan.Functions.Backend;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Andalan.Functions.Tests.Backend;

public sealed class PanelOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Pass()
    {
        var options = new PanelOptions { BaseUrl = new Uri("http://127.0.0.1:5000/"), Username = "a", Password = "b" };

        var result = new PanelOptionsValidator().Validate(null, options);

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_SeveralMistakes_ReportsEachOne()
    {
        var options = new PanelOptions
        {
            BaseUrl = new Uri("ftp://panel.example/"),
            LoginPath = "login",
            TimeZone = "Mars/Olympus",
            LoginThrottledPattern = "(unclosed",
            ChromiumPath = "/nowhere/chromium",
        };

        var result = new PanelOptionsValidator().Validate(null, options);

        Assert.False(result.Succeeded);
        var problems = result.Failures!.ToList();
        Assert.Contains(problems, p => p.Contains("BaseUrl", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("LoginPath", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Mars/Olympus", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("LoginThrottledPattern is not a valid", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("/nowhere/chromium", StringComparison.Ordinal));
    }

    [Fact]
    public void AddBackend_MissingCredentials_FailsAtStartNamingThem()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Andalan:Panel:BaseUrl"] = "http://127.0.0.1/" })
            .Build();
        using var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddBackend()
            .BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(
            () => services.GetRequiredService<IOptions<PanelOptions>>().Value);

        Assert.Contains(failure.Failures, f => f.Contains("Username", StringComparison.Ordinal));
        Assert.Contains(failure.Failures, f => f.Contains("Password", StringComparison.Ordinal));
    }

    [Fact]
    public void AddBackend_TimeoutsFromSettings_AreBoundAndRangeChecked()
    {
        var options = new PanelOptions { BaseUrl = new Uri("http://x/"), Username = "a", Password = "b" };
        options.DownloadTimeout = TimeSpan.FromHours(2);
        var results = new List<ValidationResult>();

        var valid = Validator.TryValidateObject(
            options, new ValidationContext(options), results, validateAllProperties: true);

        Assert.False(valid);
        Assert.Contains(results, r => r.MemberNames.Contains(nameof(PanelOptions.DownloadTimeout)));
    }
}

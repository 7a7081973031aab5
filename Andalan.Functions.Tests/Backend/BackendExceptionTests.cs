using Andalan.Functions.Backend;

namespace Andalan.Functions.Tests.Backend;

public sealed class BackendExceptionTests
{
    [Theory]
    [InlineData(BackendFailure.Transient, true)]
    [InlineData(BackendFailure.Maintenance, true)]
    [InlineData(BackendFailure.LoginThrottled, true)]
    [InlineData(BackendFailure.InvalidFile, true)]
    [InlineData(BackendFailure.LoginRefused, false)]
    [InlineData(BackendFailure.PageChanged, false)]
    [InlineData(BackendFailure.Configuration, false)]
    public void IsRetryable_ByKind_MatchesWhatARetryCanFix(BackendFailure kind, bool retryable)
    {
        var failure = new BackendException(kind, "It failed.");

        Assert.Equal(retryable, failure.IsRetryable);
    }

    [Fact]
    public void WithEvidence_Files_NamesThemInTheMessageAndKeepsTheRest()
    {
        var failure = new BackendException(BackendFailure.PageChanged, "The selector '#btn-export' was not found.",
            export: "users", url: "http://panel/reports/users", selector: "#btn-export");

        var kept = failure.WithEvidence(["/runs/1/users-failure.html", "/runs/1/users-failure.png"]);

        Assert.Equal(
            "The selector '#btn-export' was not found. Evidence: /runs/1/users-failure.html, /runs/1/users-failure.png.",
            kept.Message);
        Assert.Equal("#btn-export", kept.Selector);
        Assert.Equal("users", kept.Export);
        Assert.Equal(2, kept.Evidence.Count);
    }
}

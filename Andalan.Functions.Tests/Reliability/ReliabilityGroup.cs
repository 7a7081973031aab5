namespace Andalan.Functions.Tests.Reliability;

/// <summary>The fault, canary, hostile input and soak tests share one pipeline and run one after another.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ReliabilityGroup : ICollectionFixture<ReliabilityFixture>
{
    public const string Name = "Reliability";
}

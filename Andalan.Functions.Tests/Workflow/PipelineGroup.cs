namespace Andalan.Functions.Tests.Workflow;

/// <summary>Tests that share one <see cref="PipelineFixture"/>; they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class PipelineGroup : ICollectionFixture<PipelineFixture>
{
    public const string Name = "Pipeline";
}

using Andalan.Functions.Cli;
using Andalan.Functions.Workflow;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

if (CommandLine.IsVerb(args))
{
    return await CommandLine.RunAsync(args);
}

var builder = FunctionsApplication.CreateBuilder(args);
builder.Configuration.AddPipelineConfiguration();
builder.Services.AddExportPipeline();

await builder.Build().RunAsync();

return 0;

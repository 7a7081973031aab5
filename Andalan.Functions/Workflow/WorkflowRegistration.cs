using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Andalan.Functions.Workflow;

public static class WorkflowRegistration
{
    /// <summary>Registers the run's coordinator and options; a bad schedule or retry setting stops start-up.</summary>
    public static IServiceCollection AddWorkflow(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<RunOptions>()
            .BindConfiguration(RunOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(ScheduleIsValid, "Andalan:Run:Schedule or Andalan:Run:TimeZone is not valid: use six NCRONTAB fields " +
                "with seconds, for example \"0 0 8,18 * * *\", and a time zone id such as Asia/Jakarta.")
            .ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var run = sp.GetRequiredService<IOptions<RunOptions>>().Value;

            return new RunSchedule(run.Schedule, run.TimeZone);
        });
        services.AddSingleton<RunCoordinator>();
        services.AddSingleton<RunActivities>();

        return services;
    }

    private static bool ScheduleIsValid(RunOptions options)
    {
        try
        {
            _ = new RunSchedule(options.Schedule, options.TimeZone);

            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}

using System.Globalization;
using Cronos;

namespace Andalan.Functions.Workflow;

/// <summary>
/// The run schedule as the Functions host reads it: a six-field NCRONTAB expression in a named time zone.
/// Used to name the slot a timer firing serves, so two firings for one slot start one run.
/// </summary>
public sealed class RunSchedule
{
    private readonly CronExpression _expression;

    public RunSchedule(string schedule, string timeZone)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(schedule);
        ArgumentException.ThrowIfNullOrWhiteSpace(timeZone);
        try
        {
            _expression = CronExpression.Parse(schedule, CronFormat.IncludeSeconds);
            TimeZone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        }
        catch (Exception e) when (e is CronFormatException or TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new ArgumentException(
                $"The run schedule '{schedule}' in time zone '{timeZone}' is not valid: {e.Message} " +
                "Use six NCRONTAB fields with seconds (\"0 0 8,18 * * *\") and an IANA or Windows zone id.", e);
        }
    }

    public TimeZoneInfo TimeZone { get; }

    /// <summary>The next <paramref name="count"/> occurrences after <paramref name="from"/>, in UTC.</summary>
    public IReadOnlyList<DateTimeOffset> Next(DateTimeOffset from, int count)
    {
        var occurrences = new List<DateTimeOffset>(count);
        var cursor = from;
        while (occurrences.Count < count && _expression.GetNextOccurrence(cursor, TimeZone) is { } next)
        {
            occurrences.Add(next.ToUniversalTime());
            cursor = next;
        }

        return occurrences;
    }

    /// <summary>
    /// The slot a firing at <paramref name="firedAt"/> serves: the latest occurrence at or before it (a
    /// little late firing still names its slot), as local time text like <c>2026-12-03T08:00+07:00</c>.
    /// </summary>
    public string SlotOf(DateTimeOffset firedAt)
    {
        var latest = _expression.GetOccurrences(firedAt.AddDays(-2), firedAt, TimeZone, toInclusive: true)
            .LastOrDefault(firedAt);

        return TimeZoneInfo.ConvertTime(latest, TimeZone).ToString("yyyy-MM-dd'T'HH:mmzzz", CultureInfo.InvariantCulture);
    }
}

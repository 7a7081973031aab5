using Andalan.Functions.Workflow;

namespace Andalan.Functions.Tests.Workflow;

public sealed class RunScheduleTests
{
    [Fact]
    public void Next_DefaultScheduleInJakarta_FallsAtOneAndElevenUtc()
    {
        var schedule = new RunSchedule(new RunOptions().Schedule, new RunOptions().TimeZone);

        var next = schedule.Next(new DateTimeOffset(2026, 12, 3, 2, 30, 0, TimeSpan.Zero), 4);

        Assert.Equal(
            [
                new DateTimeOffset(2026, 12, 3, 11, 0, 0, TimeSpan.Zero),
                new DateTimeOffset(2026, 12, 4, 1, 0, 0, TimeSpan.Zero),
                new DateTimeOffset(2026, 12, 4, 11, 0, 0, TimeSpan.Zero),
                new DateTimeOffset(2026, 12, 5, 1, 0, 0, TimeSpan.Zero),
            ],
            next);
    }

    [Theory]
    [InlineData("SE Asia Standard Time")]
    [InlineData("Asia/Jakarta")]
    public void Next_WindowsOrIanaZoneId_GivesSameOccurrences(string zone)
    {
        var schedule = new RunSchedule("0 0 8,18 * * *", zone);

        var next = schedule.Next(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero), 2);

        Assert.Equal(new DateTimeOffset(2026, 6, 1, 1, 0, 0, TimeSpan.Zero), next[0]);
        Assert.Equal(new DateTimeOffset(2026, 6, 1, 11, 0, 0, TimeSpan.Zero), next[1]);
    }

    [Fact]
    public void SlotOf_TwoFiringsSecondsApart_NameTheSameSlot()
    {
        var schedule = new RunSchedule("0 0 8,18 * * *", "Asia/Jakarta");

        var first = schedule.SlotOf(new DateTimeOffset(2026, 12, 3, 1, 0, 0, 120, TimeSpan.Zero));
        var second = schedule.SlotOf(new DateTimeOffset(2026, 12, 3, 1, 0, 40, TimeSpan.Zero));

        Assert.Equal("2026-12-03T08:00+07:00", first);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Constructor_BadExpression_SaysWhatToUse()
    {
        var error = Assert.Throws<ArgumentException>(() => new RunSchedule("every day at eight", "Asia/Jakarta"));

        Assert.Contains("six NCRONTAB fields", error.Message, StringComparison.Ordinal);
    }
}

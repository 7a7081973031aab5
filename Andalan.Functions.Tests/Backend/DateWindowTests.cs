using Andalan.Functions.Backend;
using Microsoft.Extensions.Time.Testing;

namespace Andalan.Functions.Tests.Backend;

public sealed class DateWindowTests
{
    private static readonly TimeZoneInfo Jakarta = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");

    [Fact]
    public void EndingToday_LateUtcEvening_UsesTheJakartaDate()
    {
        // 18:30 UTC is 01:30 the next day in Jakarta (UTC+7).
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 9, 14, 18, 30, 0, TimeSpan.Zero));

        var window = DateWindow.EndingToday(time, Jakarta, 7);

        Assert.Equal(new DateOnly(2025, 9, 15), window.To);
        Assert.Equal(new DateOnly(2025, 9, 9), window.From);
    }

    [Fact]
    public void EndingToday_OneDay_IsTodayOnly()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 9, 14, 3, 0, 0, TimeSpan.Zero));

        var window = DateWindow.EndingToday(time, Jakarta, 1);

        Assert.Equal(window.From, window.To);
        Assert.Equal("2025-09-14..2025-09-14", window.ToString());
    }
}

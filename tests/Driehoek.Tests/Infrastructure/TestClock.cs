namespace Driehoek.Tests.Infrastructure;

/// <summary>The app's clock in tests: starts at a fixed school day and moves only when a test moves it.</summary>
public sealed class TestClock : TimeProvider
{
    /// <summary>Tuesday 10 November 2026, 09:00 in Amsterdam: mid-autumn, in a school year.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 10, 8, 0, 0, TimeSpan.Zero);

    private DateTimeOffset _now = Start;
    private readonly Lock _lock = new();

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _now;
        }
    }

    public void Set(DateTimeOffset utc)
    {
        lock (_lock)
        {
            _now = utc;
        }
    }

    public void Advance(TimeSpan by)
    {
        lock (_lock)
        {
            _now += by;
        }
    }
}

using Driehoek.Scheduling.Bench.Generation;
using Driehoek.Scheduling.Checking;

namespace Driehoek.Scheduling.Bench.Runner;

public enum Algorithm
{
    Solver,
    SequentialGreedy,
    SelfBooking,
}

/// <summary>One algorithm's result on one instance, with the instance's bounds.</summary>
public sealed record Measurement(
    string Tier,
    Variant Variant,
    string Instance,
    Algorithm Algorithm,
    ScheduleMetrics Metrics,
    bool Feasible,
    double FirstFeasibleMs,
    double TotalMs,
    double PeakManagedMb,
    int PlacementUpperBound,
    long WaitingLowerBound,
    SiblingMisses SiblingMisses)
{
    public double PlacementShare => Metrics.TotalPriority == 0 ? 1 : (double)Metrics.PlacedPriority / Metrics.TotalPriority;
}

/// <summary>Samples the managed heap while a solve runs, for its peak.</summary>
internal sealed class MemorySampler : IDisposable
{
    private readonly Timer _timer;
    private long _peak;

    public MemorySampler()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        _peak = GC.GetTotalMemory(false);
        _timer = new Timer(_ => Sample(), null, 0, 5);
    }

    public double PeakMb
    {
        get
        {
            Sample();
            return Interlocked.Read(ref _peak) / (1024.0 * 1024.0);
        }
    }

    public void Dispose() => _timer.Dispose();

    private void Sample()
    {
        var now = GC.GetTotalMemory(false);
        long seen;
        while (now > (seen = Interlocked.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, now, seen) != seen)
        {
        }
    }
}

using System.Diagnostics.Tracing;
using System.Globalization;
using System.Runtime;

namespace Driehoek.BookingRush;

/// <summary>What the runtime did during the rush: JIT, GC, and EF Core's compiled-query cache hit rate.</summary>
public sealed record RuntimeStats(long MethodsJitted, TimeSpan JitTime, int Gen0, int Gen1, int Gen2, TimeSpan GcPause, double? QueryCacheHitRate)
{
    public static RuntimeStats Now(double? hitRate = null) => new(JitInfo.GetCompiledMethodCount(), JitInfo.GetCompilationTime(),
        GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration(), hitRate);

    public RuntimeStats Since(RuntimeStats before) => new(MethodsJitted - before.MethodsJitted, JitTime - before.JitTime,
        Gen0 - before.Gen0, Gen1 - before.Gen1, Gen2 - before.Gen2, GcPause - before.GcPause, QueryCacheHitRate);
}

/// <summary>Listens to EF Core's event counters for the compiled-query cache hit rate (a miss compiles the LINQ query again).</summary>
public sealed class EfCounters : EventListener
{
    private double? _hitRate;

    public double? HitRate => _hitRate;

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft.EntityFrameworkCore")
        {
            EnableEvents(source, EventLevel.Verbose, EventKeywords.All, new Dictionary<string, string?> { ["EventCounterIntervalSec"] = "1" });
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventName != "EventCounters" || e.Payload is not { Count: > 0 } || e.Payload[0] is not IDictionary<string, object> counter)
        {
            return;
        }
        if (counter.TryGetValue("Name", out var name) && (string)name == "compiled-query-cache-hit-rate"
            && counter.TryGetValue("Mean", out var mean))
        {
            _hitRate = Convert.ToDouble(mean, CultureInfo.InvariantCulture);
        }
    }
}

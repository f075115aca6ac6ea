using System.Diagnostics;
using Driehoek.Scheduling.Bench.Generation;
using Driehoek.Scheduling.Model;
using Driehoek.Scheduling.Solving;

namespace Driehoek.Scheduling.Bench.Runner;

/// <summary>Late requests arriving one by one after publication: time per insertion and published meetings moved.</summary>
public sealed record LateInsertionResult(string Tier, int Insertions, int Placed, double MedianMs, double MaxMs, int MovedMeetings);

public static class LateInsertionBench
{
    public static LateInsertionResult Run(TierSpec tier, int lateCount, TextWriter log)
    {
        var full = InstanceGenerator.Generate(tier, Variant.Slack, 1);
        var rng = new Random(7);
        var late = full.Families.SelectMany(f => f.Requests).OrderBy(_ => rng.Next()).Take(lateCount).Select(r => r.Id).ToList();
        var published = Solver.Solve(Without(full, late), new SolverOptions { TimeBudget = TimeSpan.FromSeconds(1), MaxThreads = 2 }).Solution;
        var times = new List<double>();
        var moved = 0;
        var added = new List<string>();
        foreach (var id in late)
        {
            added.Add(id);
            var instance = Without(full, late.Except(added).ToList());
            var clock = Stopwatch.StartNew();
            var next = LateInsertion.Insert(instance, published, [id]);
            times.Add(clock.Elapsed.TotalMilliseconds);
            var after = next.Assignments.ToDictionary(a => a.Request, StringComparer.Ordinal);
            moved += published.Assignments.Count(a => !after.TryGetValue(a.Request, out var b) || b != a);
            published = next;
        }
        times.Sort();
        var placed = late.Count(id => published.Assignments.Any(a => a.Request == id));
        log.WriteLine(FormattableString.Invariant($"late insertion {tier.Name}: {late.Count} requests, {placed} placed, median {times[times.Count / 2]:0.0} ms, max {times[^1]:0.0} ms, {moved} published meetings moved"));
        return new LateInsertionResult(tier.Name, late.Count, placed, times[times.Count / 2], times[^1], moved);
    }

    private static Instance Without(Instance instance, IReadOnlyCollection<string> requestIds)
    {
        var drop = requestIds.ToHashSet(StringComparer.Ordinal);
        var families = instance.Families
            .Select(f => f with { Requests = f.Requests.Where(r => !drop.Contains(r.Id)).ToList() })
            .Where(f => f.Requests.Count > 0)
            .ToList();
        return instance with { Families = families };
    }
}

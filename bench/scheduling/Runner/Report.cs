using System.Globalization;
using System.Text;

namespace Driehoek.Scheduling.Bench.Runner;

/// <summary>Turns measurements into the per-tier markdown tables and the targets summary.</summary>
public static class Report
{
    private sealed record Metric(string Name, Func<Measurement, double> Value, string Format, bool OursOnly = false);

    private static readonly Metric[] Metrics =
    [
        new("placement (% of requested priority)", m => 100 * m.PlacementShare, "0.0"),
        new("placement (% of upper bound)", m => 100.0 * m.Metrics.PlacedPriority / Math.Max(1, m.PlacementUpperBound), "0.0"),
        new("total parent waiting (min)", m => m.Metrics.TotalWaitingMinutes, "0"),
        new("max parent waiting (min)", m => m.Metrics.MaxWaitingMinutes, "0"),
        new("families waiting (%)", m => 100 * m.Metrics.ShareFamiliesWaiting, "0.00"),
        new("extra visits", m => m.Metrics.ExtraVisits, "0"),
        new("siblings in one block (% of possible)", m => 100 * m.Metrics.SiblingsTogetherShare, "0.0"),
        new("teacher idle (min)", m => m.Metrics.TeacherIdleMinutes, "0"),
        new("first feasible (ms)", m => m.FirstFeasibleMs, "0"),
        new("total time (s)", m => m.TotalMs / 1000, "0.00"),
        new("peak managed heap (MB)", m => m.PeakManagedMb, "0", OursOnly: true),
    ];

    public static string Tiers(IReadOnlyList<Measurement> all)
    {
        var text = new StringBuilder();
        foreach (var tier in all.GroupBy(m => m.Tier))
        {
            var ours = tier.Where(m => m.Algorithm == Algorithm.Solver).ToList();
            var greedy = tier.Where(m => m.Algorithm == Algorithm.SequentialGreedy).ToList();
            var self = tier.Where(m => m.Algorithm == Algorithm.SelfBooking).ToList();
            text.AppendLine(Inv($"### {tier.Key} ({ours.Count} instances, {ours.Average(m => m.Metrics.RequestCount):0} requests on average)"));
            text.AppendLine();
            text.AppendLine("| metric | ours median | ours p95 | greedy median | greedy p95 | self-booking median | self-booking p95 | ours ÷ greedy | ours ÷ self |");
            text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var metric in Metrics)
            {
                var o = ours.Select(metric.Value).ToList();
                var g = greedy.Select(metric.Value).ToList();
                var s = self.Select(metric.Value).ToList();
                var cells = metric.OursOnly
                    ? new[] { F(Median(o), metric.Format), F(P95(o), metric.Format), "–", "–", "–", "–", "–", "–" }
                    : [F(Median(o), metric.Format), F(P95(o), metric.Format), F(Median(g), metric.Format), F(P95(g), metric.Format),
                        F(Median(s), metric.Format), F(P95(s), metric.Format), Ratio(Median(o), Median(g)), Ratio(Median(o), Median(s))];
                text.AppendLine($"| {metric.Name} | {string.Join(" | ", cells)} |");
            }
            text.AppendLine(Inv($"| lower bound: parent waiting, per-family relaxation (min) | {Median(ours.Select(m => (double)m.WaitingLowerBound).ToList()):0} | {P95(ours.Select(m => (double)m.WaitingLowerBound).ToList()):0} | | | | | | |"));
            text.AppendLine(Inv($"| upper bound: placement, capacity and family-alone (% of requested) | {Median(ours.Select(m => 100.0 * m.PlacementUpperBound / Math.Max(1, m.Metrics.TotalPriority)).ToList()):0.0} | {P95(ours.Select(m => 100.0 * m.PlacementUpperBound / Math.Max(1, m.Metrics.TotalPriority)).ToList()):0.0} | | | | | | |"));
            text.AppendLine(Inv($"| waiting reduction per instance vs greedy / vs self-booking (median %) | {Reduction(ours, greedy)} / {Reduction(ours, self)} | | | | | | | |"));
            text.AppendLine();
        }
        return text.ToString();
    }

    /// <summary>
    /// Siblings together per tier and variant, pooled over the seeds (together ÷ possible, as the format
    /// defines it), next to placement and the families that lose a meeting, so an over-subscribed variant
    /// cannot hide behind the tier median.
    /// </summary>
    public static string SiblingsPerVariant(IReadOnlyList<Measurement> all)
    {
        var text = new StringBuilder();
        text.AppendLine("| tier | variant | instances | placement (% of upper bound, min) | siblings together (% of possible, pooled) | lowest instance (%) | apart: one child's meetings lost (of them: proven only by placing less) / split | together, of those not proven to need less placement (%) | families losing a meeting: ours / greedy / self-booking |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---|---:|---|");
        foreach (var group in all.GroupBy(m => (m.Tier, m.Variant)))
        {
            var ours = group.Where(m => m.Algorithm == Algorithm.Solver).ToList();
            int Short(Algorithm a) => group.Where(m => m.Algorithm == a).Sum(m => m.Metrics.FamiliesShort);
            var possible = ours.Sum(m => m.Metrics.SiblingFamiliesPossible);
            var together = ours.Sum(m => m.Metrics.SiblingFamiliesTogether);
            var unreachable = ours.Sum(m => m.SiblingMisses.ProvenOnlyByPlacingLess);
            text.AppendLine(Inv($"| {group.Key.Tier} | {group.Key.Variant.ToString().ToLowerInvariant()} | {ours.Count} | {ours.Min(m => 100.0 * m.Metrics.PlacedPriority / Math.Max(1, m.PlacementUpperBound)):0.0} | {Share(together, possible)} ({together} of {possible}) | {ours.Min(m => 100 * m.Metrics.SiblingsTogetherShare):0.0} | {ours.Sum(m => m.SiblingMisses.LostChild)} ({unreachable}) / {ours.Sum(m => m.SiblingMisses.SplitOrWaiting)} | {Share(together, possible - unreachable)} | {Short(Algorithm.Solver)} / {Short(Algorithm.SequentialGreedy)} / {Short(Algorithm.SelfBooking)} |"));
        }
        return text.ToString();
    }

    private static string Share(int part, int whole) => whole == 0 ? "100.0" : F(100.0 * part / whole, "0.0");

    public static string Optimum(IReadOnlyList<OptimumComparison> set)
    {
        if (set.Count == 0)
        {
            return "";
        }
        var proven = set.Where(c => c.Proven).ToList();
        var text = new StringBuilder();
        text.AppendLine(Inv($"Proven-optimum set: {set.Count} small instances ({set.Min(c => c.Requests)}–{set.Max(c => c.Requests)} requests), {proven.Count} proven by branch and bound (longest {set.Max(c => c.ExactMs):0} ms)."));
        text.AppendLine(Inv($"Ours equals the optimum on all four tiers in {proven.Count(c => c.Matches)} of {proven.Count}; placement equal in {proven.Count(c => c.Ours.P == c.Optimum.P)}; gap average {(proven.Count == 0 ? 0 : proven.Average(c => c.GapPercent)):0.00} %, worst {(proven.Count == 0 ? 0 : proven.Max(c => c.GapPercent)):0.00} %."));
        return text.ToString();
    }

    public static string Late(IReadOnlyList<LateInsertionResult> results)
    {
        var text = new StringBuilder();
        text.AppendLine("| tier | late requests | placed | median (ms) | max (ms) | published meetings moved |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            text.AppendLine(Inv($"| {r.Tier} | {r.Insertions} | {r.Placed} | {r.MedianMs:0.0} | {r.MaxMs:0.0} | {r.MovedMeetings} |"));
        }
        return text.ToString();
    }

    public static string Targets(IReadOnlyList<Measurement> all, IReadOnlyList<OptimumComparison> optimum, IReadOnlyList<LateInsertionResult> late)
    {
        var text = new StringBuilder();
        var ours = all.Where(m => m.Algorithm == Algorithm.Solver).ToList();
        var byInstance = all.GroupBy(m => m.Instance).ToList();
        var belowBaseline = byInstance.Count(g => g.Single(m => m.Algorithm == Algorithm.Solver).Metrics.PlacedPriority < g.Where(m => m.Algorithm != Algorithm.Solver).Max(m => m.Metrics.PlacedPriority));
        var atBound = ours.Count(m => m.Metrics.PlacedPriority >= m.PlacementUpperBound);
        text.AppendLine(Inv($"- Placement: below a baseline on {belowBaseline} of {ours.Count} instances; equal to the upper bound (proven maximum) on {atBound} of {ours.Count}."));
        foreach (var tier in all.GroupBy(m => m.Tier))
        {
            var o = tier.Where(m => m.Algorithm == Algorithm.Solver).ToList();
            text.AppendLine(Inv($"- {tier.Key}: waiting −{Reduction(o, tier.Where(m => m.Algorithm == Algorithm.SequentialGreedy).ToList())} % vs greedy, −{Reduction(o, tier.Where(m => m.Algorithm == Algorithm.SelfBooking).ToList())} % vs self-booking (median per instance); families waiting max {o.Max(m => 100 * m.Metrics.ShareFamiliesWaiting):0.00} %; siblings together min {o.Min(m => 100 * m.Metrics.SiblingsTogetherShare):0.0} %; first feasible max {o.Max(m => m.FirstFeasibleMs):0} ms; total p95 {P95(o.Select(m => m.TotalMs / 1000).ToList()):0.00} s, max {o.Max(m => m.TotalMs / 1000):0.00} s; peak heap max {o.Max(m => m.PeakManagedMb):0} MB."));
        }
        foreach (var tier in ours.GroupBy(m => m.Tier))
        {
            text.AppendLine(Inv($"- {tier.Key}: sibling families apart (ours, all instances) {tier.Sum(m => m.SiblingMisses.LostChild + m.SiblingMisses.SplitOrWaiting)} of {tier.Sum(m => m.Metrics.SiblingFamiliesPossible)} possible: {tier.Sum(m => m.SiblingMisses.LostChild)} left with one child's meetings (the others' lost to capacity; for {tier.Sum(m => m.SiblingMisses.ProvenOnlyByPlacingLess)} of them proven that no schedule placing as much priority has those children), {tier.Sum(m => m.SiblingMisses.SplitOrWaiting)} split over evenings or waiting."));
        }
        var primaryZero = ours.Where(m => m.Tier.StartsWith("primary", StringComparison.Ordinal) && m.WaitingLowerBound == 0).ToList();
        text.AppendLine(Inv($"- Primary instances whose per-family bound is zero: {primaryZero.Count(m => m.Metrics.TotalWaitingMinutes == 0)} of {primaryZero.Count} have zero waiting."));
        text.AppendLine(Inv($"- Hard rules: {all.Count(m => !m.Feasible)} infeasible schedules among {all.Count} checked."));
        if (optimum.Count > 0)
        {
            text.Append("- ").Append(Optimum(optimum).Replace(Environment.NewLine, " ", StringComparison.Ordinal).Trim()).AppendLine();
        }
        foreach (var l in late)
        {
            text.AppendLine(Inv($"- Late insertion {l.Tier}: max {l.MaxMs:0.0} ms, {l.MovedMeetings} published meetings moved."));
        }
        return text.ToString();
    }

    private static string Reduction(List<Measurement> ours, List<Measurement> baseline)
    {
        var values = ours.Zip(baseline)
            .Where(x => x.Second.Metrics.TotalWaitingMinutes > 0)
            .Select(x => 100.0 * (1 - (double)x.First.Metrics.TotalWaitingMinutes / x.Second.Metrics.TotalWaitingMinutes))
            .ToList();
        return values.Count == 0 ? "n/a" : F(Median(values), "0.0");
    }

    public static double Median(List<double> values) => Percentile(values, 0.5);

    /// <summary>Nearest-rank 95th percentile.</summary>
    public static double P95(List<double> values) => Percentile(values, 0.95);

    private static double Percentile(List<double> values, double q)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }
        var sorted = values.Order().ToList();
        if (q == 0.5 && sorted.Count % 2 == 0)
        {
            return (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
        }
        var rank = (int)Math.Ceiling(q * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    private static string Ratio(double ours, double baseline) =>
        baseline == 0 ? (ours == 0 ? "1.00" : "–") : (ours / baseline).ToString("0.00", CultureInfo.InvariantCulture);

    private static string F(double value, string format) => double.IsNaN(value) ? "–" : value.ToString(format, CultureInfo.InvariantCulture);

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}

using Driehoek.Scheduling.Model;

namespace Driehoek.Scheduling.Solving;

/// <summary>
/// Bounds that prove how good a schedule can be at most.
/// <see cref="PlacementUpperBound"/>: the smaller of (a) a capacity bound — every request split into
/// one-slot units worth priority ÷ length, routed greedily by worth to teacher slots where teacher and
/// family are both available, at most as many slots per run of a teacher's available slots as the
/// break rule (maxConsecutive) lets the teacher fill (a gammoid, so greedy is optimal for the relaxation) — and (b) the sum over families of what each family
/// could place if it were alone. <see cref="FamilyCostLowerBound"/>: the sum over families of the least
/// waiting + extra-visit minutes each family needs alone for that many requests (the per-family relaxation).
/// </summary>
public sealed record SchedulingBounds(
    int PlacementUpperBound,
    int CapacityPlacementBound,
    int FamilyAlonePlacementBound,
    long FamilyCostLowerBound,
    long WaitingLowerBound,
    int FamiliesWithPositiveBound)
{
    /// <summary>
    /// False when the solve was cancelled before the bounds were worked out: the values are then the trivial
    /// bounds (all requested priority placed, no cost), still true but proving nothing.
    /// </summary>
    public bool Complete { get; init; } = true;

    public static SchedulingBounds Compute(Instance instance) => Compute(new Problem(instance));

    /// <summary>On cancellation returns the trivial bounds (<see cref="Complete"/> false) instead of finishing.</summary>
    internal static SchedulingBounds Compute(Problem p, CancellationToken token = default)
    {
        var capacity = CapacityBound(p, token);
        var relaxed = new Schedule(p) { IgnoreMaxConsecutive = true };
        var planner = new FamilyPlanner(p);
        var plan = new FamilyPlan(p.FamilyRequests.Length == 0 ? 1 : p.FamilyRequests.Max(r => r.Length));
        int alone = 0, positive = 0;
        long cost = 0, waiting = 0;
        for (var f = 0; f < p.FamilyCount; f++)
        {
            if (token.IsCancellationRequested)
            {
                return Trivial(p);
            }
            planner.Insert(relaxed, f, plan);
            alone += p.FamilyRequests[f].Where(relaxed.IsPlaced).Sum(r => p.Priority[r]);
            cost += relaxed.FamilyCost[f];
            waiting += relaxed.FamilyWaiting[f];
            positive += relaxed.FamilyCost[f] > 0 ? 1 : 0;
            relaxed.RemoveFamily(f);
        }
        return new SchedulingBounds(Math.Min(capacity, alone), capacity, alone, cost, waiting, positive);
    }

    private static SchedulingBounds Trivial(Problem p)
    {
        var all = p.Priority.Sum();
        return new SchedulingBounds(all, all, all, 0, 0, 0) { Complete = false };
    }

    /// <summary>
    /// The capacity bound over the schedules that place <paramref name="request"/>, or −1 when no schedule can
    /// place it at all. Its units are routed first and the rest greedily by worth: greedy on the gammoid with
    /// those units contracted, so still the best the relaxation can do. When this is below a schedule's placed
    /// priority, placing the request costs placement in every schedule.
    /// </summary>
    internal static int CapacityBoundPlacing(Problem p, int request) => CapacityBound(p, default, request);

    /// <summary>The capacity bound; when cancelled, the trivial bound (every request placed).</summary>
    private static int CapacityBound(Problem p, CancellationToken token, int forced = -1)
    {
        var units = new List<(int Request, double Worth)>();
        for (var r = 0; r < p.RequestCount; r++)
        {
            for (var u = 0; u < p.Length[r]; u++)
            {
                units.Add((r, (double)p.Priority[r] / p.Length[r]));
            }
        }
        // The forced request's units go first (worth as if infinite); the sort need not be stable, ties are equal worth.
        units.Sort((a, b) => Worth(b).CompareTo(Worth(a)));
        double Worth((int Request, double Worth) unit) => unit.Request == forced ? double.PositiveInfinity : unit.Worth;
        var edges = new int[p.RequestCount][];
        for (var r = 0; r < p.RequestCount; r++)
        {
            var set = new HashSet<int>();
            foreach (var t in p.RequestTeachers[r])
            {
                for (var start = 0; start + p.Length[r] <= p.SlotCount; start++)
                {
                    if (p.StaticallyFits(r, t, start))
                    {
                        for (var k = start; k < start + p.Length[r]; k++)
                        {
                            set.Add(t * p.SlotCount + k);
                        }
                    }
                }
            }
            edges[r] = set.ToArray();
        }
        var flow = new CapacityFlow(p, units.Count, edges);
        double value = 0;
        for (var u = 0; u < units.Count; u++)
        {
            if (token.IsCancellationRequested)
            {
                return p.Priority.Sum();
            }
            if (flow.Augment(u, units[u].Request))
            {
                value += units[u].Worth;
            }
            else if (units[u].Request == forced)
            {
                return -1;
            }
        }
        return (int)Math.Floor(value + 1e-6);
    }
}

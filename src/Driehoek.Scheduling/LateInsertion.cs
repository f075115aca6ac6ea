using Driehoek.Scheduling.Model;
using Driehoek.Scheduling.Solving;
using Driehoek.Scheduling.Validation;

namespace Driehoek.Scheduling;

/// <summary>
/// Adds late requests to a published schedule without moving any published meeting: parents and teachers
/// have already been told their times.
/// </summary>
public static class LateInsertion
{
    /// <param name="instance">The instance including the new requests.</param>
    /// <param name="published">The schedule already sent out; every assignment in it is kept exactly.</param>
    /// <param name="newRequestIds">Requests of <paramref name="instance"/> that <paramref name="published"/> does not mention.</param>
    /// <returns>The published schedule plus the new meetings; new requests that do not fit are unplaced with a reason.</returns>
    /// <exception cref="InstanceException">The instance is invalid, or the published schedule and the new ids do not match it.</exception>
    public static Solution Insert(Instance instance, Solution published, IEnumerable<string> newRequestIds)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(published);
        ArgumentNullException.ThrowIfNull(newRequestIds);
        var errors = InstanceValidator.Validate(instance);
        if (errors.Count > 0)
        {
            throw new InstanceException(errors);
        }
        var p = new Problem(instance);
        var s = new Schedule(p);
        var fresh = newRequestIds.Distinct(StringComparer.Ordinal).ToList();
        var (newRequests, problems) = Reconcile(p, published, fresh);
        if (problems.Count > 0)
        {
            throw new InstanceException(problems);
        }
        foreach (var a in published.Assignments)
        {
            s.Place(p.RequestIndex[a.Request], p.TeacherIndex[a.Teacher], a.Start);
        }
        PlaceNew(p, s, newRequests);
        var assignments = published.Assignments.ToList();
        var unplaced = published.Unplaced.ToList();
        foreach (var r in newRequests)
        {
            if (s.IsPlaced(r))
            {
                assignments.Add(new Assignment(p.RequestIds[r], p.TeacherIds[s.Teacher[r]], s.Start[r]));
            }
            else
            {
                unplaced.Add(new Unplaced(p.RequestIds[r], UnplacedReasons.Explain(s, r)));
            }
        }
        return published with { Assignments = assignments, Unplaced = unplaced };
    }

    /// <summary>Families whose every request is new are planned as a whole (siblings back-to-back); others fit around their published meetings.</summary>
    private static void PlaceNew(Problem p, Schedule s, List<int> newRequests)
    {
        var planner = new FamilyPlanner(p);
        var plan = new FamilyPlan(FamilyPlanner.MaxRequests);
        var isNew = new HashSet<int>(newRequests);
        foreach (var family in newRequests.Select(r => p.RequestFamily[r]).Distinct().ToList())
        {
            if (p.FamilyRequests[family].All(isNew.Contains))
            {
                planner.Insert(s, family, plan);
            }
        }
        foreach (var r in newRequests.OrderByDescending(r => p.Priority[r]).ThenBy(r => r))
        {
            if (!s.IsPlaced(r) && FamilyPlanner.BestSingle(s, r) is var (t, start) && t >= 0)
            {
                s.Place(r, t, start);
            }
        }
    }

    private static (List<int> NewRequests, List<InstanceError> Problems) Reconcile(Problem p, Solution published, List<string> fresh)
    {
        var problems = new List<InstanceError>();
        var mentioned = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < published.Assignments.Count; i++)
        {
            var a = published.Assignments[i];
            if (!p.RequestIndex.ContainsKey(a.Request))
            {
                problems.Add(new($"published.assignments[{i}]", a.Request, "is not a request of the instance"));
            }
            else if (!p.TeacherIndex.ContainsKey(a.Teacher))
            {
                problems.Add(new($"published.assignments[{i}]", a.Request, $"teacher \"{a.Teacher}\" is not defined"));
            }
            else if (a.Start < 0 || a.Start + p.Length[p.RequestIndex[a.Request]] > p.SlotCount)
            {
                problems.Add(new($"published.assignments[{i}]", a.Request, $"start {a.Start} is out of range"));
            }
            mentioned.Add(a.Request);
        }
        foreach (var u in published.Unplaced)
        {
            mentioned.Add(u.Request);
        }
        var result = new List<int>();
        foreach (var id in fresh)
        {
            if (!p.RequestIndex.TryGetValue(id, out var r))
            {
                problems.Add(new("newRequestIds", id, "is not a request of the instance"));
            }
            else if (mentioned.Contains(id))
            {
                problems.Add(new("newRequestIds", id, "is already in the published schedule"));
            }
            else
            {
                result.Add(r);
            }
        }
        var freshSet = new HashSet<string>(fresh, StringComparer.Ordinal);
        foreach (var id in p.RequestIds.Where(id => !mentioned.Contains(id) && !freshSet.Contains(id)))
        {
            problems.Add(new("newRequestIds", id, "is neither in the published schedule nor listed as new"));
        }
        return (result, problems);
    }
}

using Driehoek.Scheduling.Checking;
using Driehoek.Scheduling.Model;

namespace Driehoek.Scheduling.Bench.Exact;

/// <summary>The proven optimum of a small instance (or the best found when the node limit ran out).</summary>
public sealed record ExactResult(Solution Solution, bool Proven, long Nodes, long Placed, long FamilyCost, long SiblingsApart, long Idle);

/// <summary>
/// Branch and bound over small instances (about 6–14 requests): each request in turn is placed at every
/// feasible (teacher, start) or left out. The objective is the solver's, lexicographic — placed priority,
/// then family cost (waiting minutes + <c>extraVisitMinutes</c> per extra visit + <c>siblingsApartMinutes</c>
/// per sibling family that could sit in one block but does not), then sibling families apart, then
/// teacher idle minutes — and is compared tier by tier, never scalarised. A branch is cut when even placing
/// every remaining request could not beat the best placement, or ties it while families and teachers
/// already complete cost more. Written independently of the heuristic solver; "could sit in one block" is
/// the checker's <see cref="SiblingBlock"/>.
/// </summary>
public static class ExactSolver
{
    public static ExactResult Solve(Instance instance, long nodeLimit = 50_000_000, int extraVisitMinutes = 60, int siblingsApartMinutes = 0) =>
        new Search(instance, nodeLimit, extraVisitMinutes, siblingsApartMinutes).Run();

    private sealed class Search
    {
        private readonly Instance _instance;
        private readonly SlotCalendar _cal;
        private readonly long _nodeLimit;
        private readonly int _extraVisit;
        private readonly int _apartMinutes;
        private readonly bool[] _siblingBlockPossible;
        private readonly List<(Request Request, int Family)> _requests = [];
        private readonly List<(int Teacher, int Start)>[] _options;
        private readonly int[] _suffixPriority;
        private readonly bool[] _lastOfFamily;
        private readonly bool[][] _teacherAvailable;
        private readonly bool[][] _familyAvailable;
        private readonly int[] _maxConsecutive;
        private readonly int[][] _teacherBusy;
        private readonly int[][] _familyBusy;
        private readonly int[] _teacherOpen;
        private readonly int[] _placedTeacher;
        private readonly int[] _placedStart;
        private readonly string[] _teacherIds;
        private long _nodes;
        private (long P, long C, long A, long I) _best = (-1, 0, 0, 0);
        private int[] _bestTeacher = [];
        private int[] _bestStart = [];

        public Search(Instance instance, long nodeLimit, int extraVisit, int apartMinutes)
        {
            _instance = instance;
            _cal = SlotCalendar.From(instance);
            _nodeLimit = nodeLimit;
            _extraVisit = extraVisit;
            _apartMinutes = apartMinutes;
            var teachers = instance.Teachers.ToDictionary(t => t.Id, StringComparer.Ordinal);
            _siblingBlockPossible = instance.Families
                .Select(f => f.Requests.Select(r => r.Student).Distinct(StringComparer.Ordinal).Count() >= 2 && SiblingBlock.IsPossible(_cal, f, teachers))
                .ToArray();
            _teacherIds = instance.Teachers.Select(t => t.Id).ToArray();
            var teacherIndex = _teacherIds.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i, StringComparer.Ordinal);
            _teacherAvailable = instance.Teachers.Select(t => Mask(t.Available)).ToArray();
            _maxConsecutive = instance.Teachers.Select(t => t.MaxConsecutive ?? int.MaxValue).ToArray();
            _familyAvailable = instance.Families.Select(f => Mask(f.Available)).ToArray();
            foreach (var f in Enumerable.Range(0, instance.Families.Count).OrderByDescending(f => instance.Families[f].Requests.Count))
            {
                _requests.AddRange(instance.Families[f].Requests.Select(r => (r, f)));
            }
            var n = _requests.Count;
            _options = new List<(int, int)>[n];
            _lastOfFamily = new bool[n];
            _suffixPriority = new int[n + 1];
            for (var i = n - 1; i >= 0; i--)
            {
                var (request, family) = _requests[i];
                _options[i] = [];
                foreach (var t in request.Teachers.Select(id => teacherIndex[id]))
                {
                    for (var s = 0; s + request.Length <= _cal.SlotCount; s++)
                    {
                        if (_cal.FitsInOneSession(s, request.Length)
                            && Enumerable.Range(s, request.Length).All(k => _teacherAvailable[t][k] && _familyAvailable[family][k]))
                        {
                            _options[i].Add((t, s));
                        }
                    }
                }
                _lastOfFamily[i] = i == n - 1 || _requests[i + 1].Family != family;
                _suffixPriority[i] = _suffixPriority[i + 1] + (_options[i].Count > 0 ? request.Priority : 0);
            }
            _teacherBusy = _teacherIds.Select(_ => Enumerable.Repeat(-1, _cal.SlotCount).ToArray()).ToArray();
            _familyBusy = instance.Families.Select(_ => Enumerable.Repeat(-1, _cal.SlotCount).ToArray()).ToArray();
            _teacherOpen = new int[_teacherIds.Length];
            foreach (var (request, _) in _requests)
            {
                foreach (var id in request.Teachers)
                {
                    _teacherOpen[teacherIndex[id]]++;
                }
            }
            _placedTeacher = Enumerable.Repeat(-1, n).ToArray();
            _placedStart = new int[n];
            _teacherIndex = teacherIndex;
        }

        private readonly Dictionary<string, int> _teacherIndex;

        public ExactResult Run()
        {
            Dfs(0, 0, 0, 0, 0);
            var assignments = new List<Assignment>();
            var unplaced = new List<Unplaced>();
            for (var i = 0; i < _requests.Count; i++)
            {
                var id = _requests[i].Request.Id;
                if (_bestTeacher.Length > 0 && _bestTeacher[i] >= 0)
                {
                    assignments.Add(new Assignment(id, _teacherIds[_bestTeacher[i]], _bestStart[i]));
                }
                else
                {
                    unplaced.Add(new Unplaced(id, "not placed in the proven optimum"));
                }
            }
            var solution = Solution.Create(_instance.Name, assignments, unplaced);
            return new ExactResult(solution, _nodes <= _nodeLimit, _nodes, _best.P, _best.C, _best.A, _best.I);
        }

        private void Dfs(int i, long placed, long familyCost, long apart, long idle)
        {
            if (++_nodes > _nodeLimit)
            {
                return;
            }
            var upper = placed + _suffixPriority[i];
            if (upper < _best.P || (upper == _best.P && (familyCost > _best.C
                || (familyCost == _best.C && (apart > _best.A || (apart == _best.A && idle >= _best.I))))))
            {
                return;
            }
            if (i == _requests.Count)
            {
                _best = (placed, familyCost, apart, idle);
                _bestTeacher = (int[])_placedTeacher.Clone();
                _bestStart = (int[])_placedStart.Clone();
                return;
            }
            var (request, family) = _requests[i];
            foreach (var (t, s) in Ordered(i, family))
            {
                if (!Free(t, family, s, request.Length))
                {
                    continue;
                }
                Set(i, t, family, s, request.Length, i);
                Decide(i, placed + request.Priority, familyCost, apart, idle, family);
                Set(i, t, family, s, request.Length, -1);
            }
            Decide(i, placed, familyCost, apart, idle, family);
        }

        /// <summary>Closes the family and the teachers this request completes, then goes one level deeper.</summary>
        private void Decide(int i, long placed, long familyCost, long apart, long idle, int family)
        {
            if (_lastOfFamily[i])
            {
                var (cost, isApart) = FamilyCost(family);
                familyCost += cost;
                apart += isApart ? 1 : 0;
            }
            var request = _requests[i].Request;
            foreach (var id in request.Teachers)
            {
                var t = _teacherIndex[id];
                if (--_teacherOpen[t] == 0)
                {
                    idle += Idle(_teacherBusy[t]);
                }
            }
            Dfs(i + 1, placed, familyCost, apart, idle);
            foreach (var id in request.Teachers)
            {
                _teacherOpen[_teacherIndex[id]]++;
            }
        }

        /// <summary>Starts next to the family's latest meeting first, so good schedules are found early and cut more.</summary>
        private IEnumerable<(int Teacher, int Start)> Ordered(int i, int family)
        {
            var anchor = -1;
            for (var k = 0; k < _cal.SlotCount; k++)
            {
                if (_familyBusy[family][k] >= 0)
                {
                    anchor = k;
                }
            }
            return anchor < 0 ? _options[i] : _options[i].OrderBy(o => Math.Min(Math.Abs(o.Start - anchor - 1), Math.Abs(o.Start + _requests[i].Request.Length - FirstBusy(family))));
        }

        private int FirstBusy(int family)
        {
            for (var k = 0; k < _cal.SlotCount; k++)
            {
                if (_familyBusy[family][k] >= 0)
                {
                    return k;
                }
            }
            return 0;
        }

        private bool Free(int t, int family, int start, int length)
        {
            for (var k = start; k < start + length; k++)
            {
                if (_teacherBusy[t][k] >= 0 || _familyBusy[family][k] >= 0)
                {
                    return false;
                }
            }
            if (_maxConsecutive[t] == int.MaxValue)
            {
                return true;
            }
            var busy = _teacherBusy[t];
            var session = _cal.SessionOf(start);
            var run = 1;
            int previous = -1;
            for (var k = start - 1; k >= 0 && _cal.SessionOf(k) == session && busy[k] >= 0; k--)
            {
                run += busy[k] != previous ? 1 : 0;
                previous = busy[k];
            }
            previous = -1;
            for (var k = start + length; k < _cal.SlotCount && _cal.SessionOf(k) == session && busy[k] >= 0; k++)
            {
                run += busy[k] != previous ? 1 : 0;
                previous = busy[k];
            }
            return run <= _maxConsecutive[t];
        }

        private void Set(int i, int t, int family, int start, int length, int value)
        {
            for (var k = start; k < start + length; k++)
            {
                _teacherBusy[t][k] = value;
                _familyBusy[family][k] = value;
            }
            _placedTeacher[i] = value < 0 ? -1 : t;
            _placedStart[i] = start;
        }

        /// <summary>The family's cost, and whether it is a sibling family that could sit in one block but does not.</summary>
        private (long Cost, bool Apart) FamilyCost(int family)
        {
            var busy = _familyBusy[family];
            var (waiting, days) = Spans(busy);
            var students = busy.Where(i => i >= 0).Select(i => _requests[i].Request.Student).Distinct(StringComparer.Ordinal).Count();
            var apart = _siblingBlockPossible[family] && !(students >= 2 && days == 1 && waiting == 0);
            return (waiting + Math.Max(0, days - 1) * _extraVisit + (apart ? _apartMinutes : 0), apart);
        }

        private long Idle(int[] busy) => Spans(busy).Waiting;

        /// <summary>Per day: minutes from first busy slot to end of last, minus busy minutes; and how many days are used.</summary>
        private (long Waiting, int Days) Spans(int[] busy)
        {
            long waiting = 0;
            var days = 0;
            foreach (var day in _cal.Days)
            {
                int first = -1, last = -1, count = 0;
                for (var k = day.First; k < day.End; k++)
                {
                    if (busy[k] >= 0)
                    {
                        first = first < 0 ? k : first;
                        last = k;
                        count++;
                    }
                }
                if (first >= 0)
                {
                    days++;
                    waiting += _cal.MinuteOf(last) + _cal.SlotMinutes - _cal.MinuteOf(first) - count * _cal.SlotMinutes;
                }
            }
            return (waiting, days);
        }

        private bool[] Mask(IReadOnlyList<int>? slots)
        {
            var mask = new bool[_cal.SlotCount];
            if (slots is null)
            {
                Array.Fill(mask, true);
            }
            else
            {
                foreach (var s in slots)
                {
                    mask[s] = true;
                }
            }
            return mask;
        }
    }
}

namespace Driehoek.Scheduling.Solving;

/// <summary>
/// A mutable schedule with occupancy grids and incrementally maintained objective terms. Changes can be
/// recorded and rolled back, which is how a rejected neighbourhood move is undone.
/// </summary>
internal sealed class Schedule
{
    private readonly List<(int Request, int Teacher, int Start)> _log = [];
    private readonly bool[] _logged;
    private bool _recording;

    public Schedule(Problem problem)
    {
        P = problem;
        Teacher = new int[problem.RequestCount];
        Start = new int[problem.RequestCount];
        Array.Fill(Teacher, -1);
        TeacherGrid = new int[problem.TeacherCount][];
        for (var t = 0; t < problem.TeacherCount; t++)
        {
            TeacherGrid[t] = new int[problem.SlotCount];
            Array.Fill(TeacherGrid[t], -1);
        }
        FamilyGrid = new int[problem.FamilyCount][];
        for (var f = 0; f < problem.FamilyCount; f++)
        {
            FamilyGrid[f] = new int[problem.SlotCount];
            Array.Fill(FamilyGrid[f], -1);
        }
        FamilyCost = new int[problem.FamilyCount];
        FamilyWaiting = new int[problem.FamilyCount];
        FamilyApart = new bool[problem.FamilyCount];
        TeacherDayIdle = new int[problem.TeacherCount * problem.DayCount];
        TeacherDayFirst = new int[problem.TeacherCount * problem.DayCount];
        TeacherDayEnd = new int[problem.TeacherCount * problem.DayCount];
        TeacherDayBusy = new int[problem.TeacherCount * problem.DayCount];
        Array.Fill(TeacherDayFirst, -1);
        _logged = new bool[problem.RequestCount];
        // Empty, every family that could sit in one block is apart (the checker counts it so too).
        for (var f = 0; f < problem.FamilyCount; f++)
        {
            var (cost, apart) = Cost(f, 0, 0, 0);
            FamilyCost[f] = cost;
            FamilyApart[f] = apart;
            TotalFamilyCost += cost;
            SiblingsApart += apart ? 1 : 0;
        }
    }

    public Problem P { get; }
    public int[] Teacher { get; }
    public int[] Start { get; }
    public int[][] TeacherGrid { get; }
    public int[][] FamilyGrid { get; }
    public int[] FamilyCost { get; }
    public int[] FamilyWaiting { get; }

    /// <summary>Sibling families that could form one block (<see cref="Problem.SiblingBlockPossible"/>) but do not now.</summary>
    public bool[] FamilyApart { get; }
    public int[] TeacherDayIdle { get; }

    /// <summary>Per teacher-day (index teacher × days + day): first busy slot (−1 when none), end slot, busy slots.</summary>
    public int[] TeacherDayFirst { get; }
    public int[] TeacherDayEnd { get; }
    public int[] TeacherDayBusy { get; }
    public long PlacedPriority { get; private set; }
    public long TotalFamilyCost { get; private set; }
    public long TotalIdle { get; private set; }
    public int SiblingsApart { get; private set; }

    /// <summary>When set, maxConsecutive is not enforced: used only for relaxations (lower bounds).</summary>
    public bool IgnoreMaxConsecutive { get; init; }

    public Score Score => new(PlacedPriority, TotalFamilyCost, SiblingsApart, TotalIdle);

    public bool IsPlaced(int request) => Teacher[request] >= 0;

    /// <summary>Teacher free and available for the whole meeting, in one session, within maxConsecutive; family side not checked.</summary>
    public bool TeacherCanTake(int teacher, int start, int length)
    {
        if (start + length > P.SessionEnd[start])
        {
            return false;
        }
        var grid = TeacherGrid[teacher];
        var available = P.TeacherAvailable[teacher];
        for (var k = start; k < start + length; k++)
        {
            if (grid[k] >= 0 || !available[k])
            {
                return false;
            }
        }
        return IgnoreMaxConsecutive || RunLengthWith(teacher, start, length) <= P.MaxConsecutive[teacher];
    }

    /// <summary>Family free and available for the whole meeting.</summary>
    public bool FamilyCanTake(int family, int start, int length)
    {
        var grid = FamilyGrid[family];
        var available = P.FamilyAvailable[family];
        for (var k = start; k < start + length; k++)
        {
            if (grid[k] >= 0 || !available[k])
            {
                return false;
            }
        }
        return true;
    }

    public bool CanPlace(int request, int teacher, int start) =>
        start >= 0 && start + P.Length[request] <= P.SlotCount
        && TeacherCanTake(teacher, start, P.Length[request])
        && FamilyCanTake(P.RequestFamily[request], start, P.Length[request]);

    /// <summary>Meetings in the back-to-back run that a new meeting at start … start+length−1 would join.</summary>
    public int RunLengthWith(int teacher, int start, int length)
    {
        if (P.MaxConsecutive[teacher] == int.MaxValue)
        {
            return 1;
        }
        var grid = TeacherGrid[teacher];
        var count = 1;
        var previous = -1;
        for (var k = start - 1; k >= P.SessionFirst[start] && grid[k] >= 0; k--)
        {
            if (grid[k] != previous)
            {
                count++;
                previous = grid[k];
            }
        }
        previous = -1;
        for (var k = start + length; k < P.SessionEnd[start] && grid[k] >= 0; k++)
        {
            if (grid[k] != previous)
            {
                count++;
                previous = grid[k];
            }
        }
        return count;
    }

    public void Place(int request, int teacher, int start)
    {
        Log(request);
        var family = P.RequestFamily[request];
        var length = P.Length[request];
        for (var k = start; k < start + length; k++)
        {
            TeacherGrid[teacher][k] = request;
            FamilyGrid[family][k] = request;
        }
        Teacher[request] = teacher;
        Start[request] = start;
        PlacedPriority += P.Priority[request];
        RefreshFamily(family);
        RefreshTeacherDay(teacher, P.SlotDay[start]);
    }

    public void Remove(int request)
    {
        var teacher = Teacher[request];
        if (teacher < 0)
        {
            return;
        }
        Log(request);
        var start = Start[request];
        var family = P.RequestFamily[request];
        for (var k = start; k < start + P.Length[request]; k++)
        {
            TeacherGrid[teacher][k] = -1;
            FamilyGrid[family][k] = -1;
        }
        Teacher[request] = -1;
        PlacedPriority -= P.Priority[request];
        RefreshFamily(family);
        RefreshTeacherDay(teacher, P.SlotDay[start]);
    }

    public void RemoveFamily(int family)
    {
        foreach (var r in P.FamilyRequests[family])
        {
            Remove(r);
        }
    }

    public void BeginRecording()
    {
        _recording = true;
        foreach (var (r, _, _) in _log)
        {
            _logged[r] = false;
        }
        _log.Clear();
    }

    /// <summary>Puts every request changed since <see cref="BeginRecording"/> back where it was.</summary>
    public void Rollback()
    {
        _recording = false;
        foreach (var (r, _, _) in _log)
        {
            Remove(r);
        }
        foreach (var (r, t, s) in _log)
        {
            if (t >= 0)
            {
                Place(r, t, s);
            }
            _logged[r] = false;
        }
        _log.Clear();
    }

    public void StopRecording() => _recording = false;

    public void CopyFrom(Schedule other) => Load(other.Teacher, other.Start);

    /// <summary>Makes this schedule equal to the given assignment arrays (−1 teacher = unplaced).</summary>
    public void Load(int[] teacher, int[] start)
    {
        for (var r = 0; r < P.RequestCount; r++)
        {
            if (Teacher[r] >= 0 && (teacher[r] != Teacher[r] || start[r] != Start[r]))
            {
                Remove(r);
            }
        }
        for (var r = 0; r < P.RequestCount; r++)
        {
            if (teacher[r] >= 0 && Teacher[r] < 0)
            {
                Place(r, teacher[r], start[r]);
            }
        }
    }

    public Schedule Clone()
    {
        var copy = new Schedule(P) { IgnoreMaxConsecutive = IgnoreMaxConsecutive };
        copy.CopyFrom(this);
        return copy;
    }

    /// <summary>Idle minutes of a teacher on a day if it also held a meeting at start … start+length−1 (assumed free).</summary>
    public int TeacherDayIdleWith(int teacher, int start, int length)
    {
        var index = teacher * P.DayCount + P.SlotDay[start];
        var first = TeacherDayFirst[index];
        int from = start, end = start + length, busy = length;
        if (first >= 0)
        {
            from = Math.Min(first, start);
            end = Math.Max(TeacherDayEnd[index], end);
            busy += TeacherDayBusy[index];
        }
        return P.SlotMinute[end - 1] + P.SlotMinutes - P.SlotMinute[from] - busy * P.SlotMinutes;
    }

    /// <summary>Change in teacher idle minutes if the teacher held a meeting at start … start+length−1 (assumed free).</summary>
    public int IdleDelta(int teacher, int start, int length) =>
        TeacherDayIdleWith(teacher, start, length) - TeacherDayIdle[teacher * P.DayCount + P.SlotDay[start]];

    /// <summary>Family cost (waiting, extra visits, siblings apart) if the request's family also met for it at <paramref name="start"/>.</summary>
    public int FamilyCostWith(int request, int start)
    {
        var family = P.RequestFamily[request];
        var (waiting, days, students) = Evaluate(family, start, P.Length[request], P.RequestStudent[request]);
        return Cost(family, waiting, days, students).Cost;
    }

    private void Log(int request)
    {
        if (_recording && !_logged[request])
        {
            _logged[request] = true;
            _log.Add((request, Teacher[request], Start[request]));
        }
    }

    private void RefreshFamily(int family)
    {
        var (waiting, days, students) = Evaluate(family, -1, 0, 0);
        var (cost, apart) = Cost(family, waiting, days, students);
        TotalFamilyCost += cost - FamilyCost[family];
        FamilyCost[family] = cost;
        FamilyWaiting[family] = waiting;
        SiblingsApart += (apart ? 1 : 0) - (FamilyApart[family] ? 1 : 0);
        FamilyApart[family] = apart;
    }

    /// <summary>Waiting + extra-visit minutes, plus the siblings-apart minutes when the family could sit in one block but does not.</summary>
    private (int Cost, bool Apart) Cost(int family, int waiting, int days, int students)
    {
        // As the checker counts it: the meetings that happen, for at least two students, touch on one day.
        var apart = P.SiblingBlockPossible[family] && !(students >= 2 && days == 1 && waiting == 0);
        return (waiting + Math.Max(0, days - 1) * P.ExtraVisitMinutes + (apart ? P.SiblingsApartMinutes : 0), apart);
    }

    /// <summary>
    /// Waiting minutes, days and distinct students over the family's placed meetings, plus a meeting of
    /// <paramref name="student"/> at <paramref name="start"/> … when <paramref name="start"/> ≥ 0 (assumed free).
    /// </summary>
    private (int Waiting, int Days, int Students) Evaluate(int family, int start, int length, int student)
    {
        Span<int> first = stackalloc int[P.DayCount];
        Span<int> last = stackalloc int[P.DayCount];
        Span<int> busy = stackalloc int[P.DayCount];
        first.Fill(int.MaxValue);
        last.Clear();
        busy.Clear();
        var students = 0;
        if (start >= 0)
        {
            var d0 = P.SlotDay[start];
            first[d0] = P.SlotMinute[start];
            last[d0] = P.EndMinute(start, length);
            busy[d0] = length * P.SlotMinutes;
            students = 1 << Math.Min(31, student);
        }
        foreach (var r in P.FamilyRequests[family])
        {
            if (Teacher[r] < 0)
            {
                continue;
            }
            var s = Start[r];
            var d = P.SlotDay[s];
            first[d] = Math.Min(first[d], P.SlotMinute[s]);
            last[d] = Math.Max(last[d], P.EndMinute(s, P.Length[r]));
            busy[d] += P.Length[r] * P.SlotMinutes;
            students |= 1 << Math.Min(31, P.RequestStudent[r]);
        }
        int waiting = 0, days = 0;
        for (var d = 0; d < P.DayCount; d++)
        {
            if (first[d] != int.MaxValue)
            {
                days++;
                waiting += last[d] - first[d] - busy[d];
            }
        }
        return (waiting, days, System.Numerics.BitOperations.PopCount((uint)students));
    }

    private void RefreshTeacherDay(int teacher, int day)
    {
        var grid = TeacherGrid[teacher];
        int first = -1, end = -1, busy = 0;
        for (var k = P.DayFirst[day]; k < P.DayEnd[day]; k++)
        {
            if (grid[k] >= 0)
            {
                if (first < 0)
                {
                    first = k;
                }
                end = k + 1;
                busy++;
            }
        }
        var idle = first < 0 ? 0 : P.SlotMinute[end - 1] + P.SlotMinutes - P.SlotMinute[first] - busy * P.SlotMinutes;
        var index = teacher * P.DayCount + day;
        TeacherDayFirst[index] = first;
        TeacherDayEnd[index] = end;
        TeacherDayBusy[index] = busy;
        TotalIdle += idle - TeacherDayIdle[index];
        TeacherDayIdle[index] = idle;
    }
}

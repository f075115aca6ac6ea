using Driehoek.Scheduling.Checking;
using Driehoek.Scheduling.Model;

namespace Driehoek.Scheduling.Solving;

/// <summary>
/// An instance compiled to dense integer indices and flat arrays: the solver's hot loops touch only these.
/// </summary>
internal sealed class Problem
{
    /// <summary>The extra-visit weight in the family-cost tier: one extra evening counts as this many waiting minutes.</summary>
    public const int DefaultExtraVisitMinutes = 60;

    /// <summary>
    /// By default a sibling family apart costs nothing in the family-cost tier: siblings come after waiting and
    /// extra visits, as in the format, so no family waits or comes twice more to keep siblings together.
    /// </summary>
    public const int DefaultSiblingsApartMinutes = 0;

    public Problem(Instance instance, int extraVisitMinutes = DefaultExtraVisitMinutes, int siblingsApartMinutes = DefaultSiblingsApartMinutes)
    {
        Instance = instance;
        Calendar = SlotCalendar.From(instance);
        ExtraVisitMinutes = extraVisitMinutes;
        SiblingsApartMinutes = siblingsApartMinutes;
        SlotCount = Calendar.SlotCount;
        SlotMinutes = Calendar.SlotMinutes;
        DayCount = Calendar.Days.Count;
        SlotDay = new int[SlotCount];
        SlotMinute = new int[SlotCount];
        SessionFirst = new int[SlotCount];
        SessionEnd = new int[SlotCount];
        foreach (var session in Calendar.Sessions)
        {
            for (var s = session.First; s < session.End; s++)
            {
                SlotDay[s] = session.Day;
                SlotMinute[s] = Calendar.MinuteOf(s);
                SessionFirst[s] = session.First;
                SessionEnd[s] = session.End;
            }
        }
        DayFirst = Calendar.Days.Select(d => d.First).ToArray();
        DayEnd = Calendar.Days.Select(d => d.End).ToArray();

        TeacherIds = instance.Teachers.Select(t => t.Id).ToArray();
        TeacherIndex = Index(TeacherIds);
        TeacherAvailable = instance.Teachers.Select(t => Availability(t.Available)).ToArray();
        MaxConsecutive = instance.Teachers.Select(t => t.MaxConsecutive ?? int.MaxValue).ToArray();

        FamilyIds = instance.Families.Select(f => f.Id).ToArray();
        FamilyIndex = Index(FamilyIds);
        FamilyAvailable = instance.Families.Select(f => Availability(f.Available)).ToArray();
        var requests = instance.Families.SelectMany((f, fi) => f.Requests.Select(r => (Request: r, Family: fi))).ToArray();
        RequestCount = requests.Length;
        Requests = requests.Select(x => x.Request).ToArray();
        RequestIds = requests.Select(x => x.Request.Id).ToArray();
        RequestIndex = Index(RequestIds);
        RequestFamily = requests.Select(x => x.Family).ToArray();
        RequestTeachers = requests.Select(x => x.Request.Teachers.Select(t => TeacherIndex[t]).ToArray()).ToArray();
        Length = requests.Select(x => x.Request.Length).ToArray();
        Priority = requests.Select(x => x.Request.Priority).ToArray();
        FamilyRequests = new int[FamilyIds.Length][];
        var next = 0;
        for (var f = 0; f < FamilyIds.Length; f++)
        {
            FamilyRequests[f] = Enumerable.Range(next, instance.Families[f].Requests.Count).ToArray();
            next += instance.Families[f].Requests.Count;
        }
        (RequestStudent, FamilyStudents) = Students();
        var teachersById = instance.Teachers.ToDictionary(t => t.Id, StringComparer.Ordinal);
        SiblingBlockPossible = instance.Families.Select((f, i) => FamilyStudents[i] >= 2 && SiblingBlock.IsPossible(Calendar, f, teachersById)).ToArray();
        var byTeacher = Enumerable.Range(0, TeacherIds.Length).Select(_ => new List<int>()).ToArray();
        for (var r = 0; r < RequestCount; r++)
        {
            foreach (var t in RequestTeachers[r])
            {
                byTeacher[t].Add(r);
            }
        }
        TeacherRequests = byTeacher.Select(l => l.ToArray()).ToArray();
        FamilyNeighbours = BuildNeighbours();
    }

    public Instance Instance { get; }
    public SlotCalendar Calendar { get; }
    public int ExtraVisitMinutes { get; }

    /// <summary>What a family of <see cref="SiblingBlockPossible"/> that is not in one block adds to the family-cost tier.</summary>
    public int SiblingsApartMinutes { get; }
    public int SlotCount { get; }
    public int SlotMinutes { get; }
    public int DayCount { get; }
    public int[] SlotDay { get; }
    public int[] SlotMinute { get; }
    public int[] SessionFirst { get; }
    public int[] SessionEnd { get; }
    public int[] DayFirst { get; }
    public int[] DayEnd { get; }

    public string[] TeacherIds { get; }
    public Dictionary<string, int> TeacherIndex { get; }
    public bool[][] TeacherAvailable { get; }
    public int[] MaxConsecutive { get; }
    public int[][] TeacherRequests { get; }

    public string[] FamilyIds { get; }
    public Dictionary<string, int> FamilyIndex { get; }
    public bool[][] FamilyAvailable { get; }
    public int[][] FamilyRequests { get; }
    public int[] FamilyStudents { get; }

    /// <summary>Index of the request's student among its family's students (0, 1, …).</summary>
    public int[] RequestStudent { get; }

    /// <summary>
    /// Families with two or more students that could meet all their teachers in one unbroken block on one
    /// day if they were alone: the families the "siblings together" quality counts (as the checker does).
    /// </summary>
    public bool[] SiblingBlockPossible { get; }

    /// <summary>Families that share at least one teacher with the family: who competes for the same slots.</summary>
    public int[][] FamilyNeighbours { get; }

    public int RequestCount { get; }
    public Request[] Requests { get; }
    public string[] RequestIds { get; }
    public Dictionary<string, int> RequestIndex { get; }
    public int[] RequestFamily { get; }
    public int[][] RequestTeachers { get; }
    public int[] Length { get; }
    public int[] Priority { get; }

    public int TeacherCount => TeacherIds.Length;
    public int FamilyCount => FamilyIds.Length;

    /// <summary>Real minutes at which a meeting of <paramref name="length"/> slots from <paramref name="start"/> ends.</summary>
    public int EndMinute(int start, int length) => SlotMinute[start + length - 1] + SlotMinutes;

    /// <summary>Slots start … start+length−1 in one session, teacher and family available in all of them.</summary>
    public bool StaticallyFits(int request, int teacher, int start)
    {
        var length = Length[request];
        if (start < 0 || start + length > SlotCount || SessionEnd[start] < start + length)
        {
            return false;
        }
        var ta = TeacherAvailable[teacher];
        var fa = FamilyAvailable[RequestFamily[request]];
        for (var k = start; k < start + length; k++)
        {
            if (!ta[k] || !fa[k])
            {
                return false;
            }
        }
        return true;
    }

    private (int[] RequestStudent, int[] FamilyStudents) Students()
    {
        var requestStudent = new int[RequestCount];
        var familyStudents = new int[FamilyCount];
        var names = new List<string>();
        for (var f = 0; f < FamilyCount; f++)
        {
            names.Clear();
            foreach (var r in FamilyRequests[f])
            {
                var index = names.IndexOf(Requests[r].Student);
                if (index < 0)
                {
                    index = names.Count;
                    names.Add(Requests[r].Student);
                }
                requestStudent[r] = index;
            }
            familyStudents[f] = names.Count;
        }
        return (requestStudent, familyStudents);
    }

    private int[][] BuildNeighbours()
    {
        var result = new int[FamilyCount][];
        var seen = new int[FamilyCount];
        Array.Fill(seen, -1);
        var list = new List<int>();
        for (var f = 0; f < FamilyCount; f++)
        {
            list.Clear();
            seen[f] = f;
            foreach (var r in FamilyRequests[f])
            {
                foreach (var t in RequestTeachers[r])
                {
                    foreach (var other in TeacherRequests[t])
                    {
                        var g = RequestFamily[other];
                        if (seen[g] != f)
                        {
                            seen[g] = f;
                            list.Add(g);
                        }
                    }
                }
            }
            result[f] = list.ToArray();
        }
        return result;
    }

    private bool[] Availability(IReadOnlyList<int>? slots)
    {
        var result = new bool[SlotCount];
        if (slots is null)
        {
            Array.Fill(result, true);
            return result;
        }
        foreach (var s in slots)
        {
            result[s] = true;
        }
        return result;
    }

    private static Dictionary<string, int> Index(string[] ids)
    {
        var map = new Dictionary<string, int>(ids.Length, StringComparer.Ordinal);
        for (var i = 0; i < ids.Length; i++)
        {
            map[ids[i]] = i;
        }
        return map;
    }
}

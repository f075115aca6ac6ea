using Driehoek.Scheduling.Model;

namespace Driehoek.Scheduling.Bench.Baselines;

/// <summary>Occupancy for the baselines, written apart from the solver so that they share none of its code.</summary>
internal sealed class BaselineGrid
{
    private readonly Dictionary<string, (bool[] Available, int Max, string?[] Busy)> _teachers;
    private readonly Dictionary<string, (bool[] Available, bool[] Busy)> _families;
    private readonly List<Assignment> _assignments = [];
    private readonly List<Unplaced> _unplaced = [];

    public BaselineGrid(Instance instance)
    {
        Instance = instance;
        Calendar = SlotCalendar.From(instance);
        _teachers = instance.Teachers.ToDictionary(
            t => t.Id,
            t => (Mask(t.Available), t.MaxConsecutive ?? int.MaxValue, new string?[Calendar.SlotCount]),
            StringComparer.Ordinal);
        _families = instance.Families.ToDictionary(f => f.Id, f => (Mask(f.Available), new bool[Calendar.SlotCount]), StringComparer.Ordinal);
    }

    public Instance Instance { get; }

    public SlotCalendar Calendar { get; }

    public bool CanPlace(Family family, Request request, string teacher, int start)
    {
        if (!Calendar.FitsInOneSession(start, request.Length))
        {
            return false;
        }
        var (tAvail, max, busy) = _teachers[teacher];
        var (fAvail, fBusy) = _families[family.Id];
        for (var k = start; k < start + request.Length; k++)
        {
            if (!tAvail[k] || busy[k] is not null || !fAvail[k] || fBusy[k])
            {
                return false;
            }
        }
        return max == int.MaxValue || RunWith(busy, start, request.Length) <= max;
    }

    public void Place(Family family, Request request, string teacher, int start)
    {
        for (var k = start; k < start + request.Length; k++)
        {
            _teachers[teacher].Busy[k] = request.Id;
            _families[family.Id].Busy[k] = true;
        }
        _assignments.Add(new Assignment(request.Id, teacher, start));
    }

    public void Unplace(Request request, string reason) => _unplaced.Add(new Unplaced(request.Id, reason));

    public Solution ToSolution() => Solution.Create(Instance.Name, _assignments, _unplaced);

    private int RunWith(string?[] busy, int start, int length)
    {
        var session = Calendar.SessionOf(start);
        var meetings = 1;
        string? previous = null;
        for (var k = start - 1; k >= 0 && Calendar.SessionOf(k) == session && busy[k] is not null; k--)
        {
            meetings += busy[k] != previous ? 1 : 0;
            previous = busy[k];
        }
        previous = null;
        for (var k = start + length; k < Calendar.SlotCount && Calendar.SessionOf(k) == session && busy[k] is not null; k++)
        {
            meetings += busy[k] != previous ? 1 : 0;
            previous = busy[k];
        }
        return meetings;
    }

    private bool[] Mask(IReadOnlyList<int>? slots)
    {
        var mask = new bool[Calendar.SlotCount];
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

namespace Driehoek.Scheduling.Solving;

/// <summary>
/// Unit → teacher slot → run of the teacher's consecutive available slots → sink, where a run holds at
/// most as many busy slots as maxConsecutive allows (L − ⌊L ÷ (max × longest + 1)⌋). Units are added one at
/// a time by breadth-first augmenting paths in the residual graph.
/// </summary>
internal sealed class CapacityFlow
{
    private readonly int _units;
    private readonly int _slots;
    private readonly int[][] _edges;
    private readonly int[] _slotRun;
    private readonly int[][] _runSlots;
    private readonly int[] _capacity;
    private readonly int[] _load;
    private readonly int[] _unitSlot;
    private readonly int[] _slotUnit;
    private readonly int[] _parent;
    private readonly int[] _seen;
    private readonly int[] _request;
    private int _stamp;

    public CapacityFlow(Problem p, int units, int[][] requestEdges)
    {
        _units = units;
        _slots = p.TeacherCount * p.SlotCount;
        _edges = requestEdges;
        _slotRun = new int[_slots];
        Array.Fill(_slotRun, -1);
        var runs = new List<List<int>>();
        var capacity = new List<int>();
        for (var t = 0; t < p.TeacherCount; t++)
        {
            var extra = p.TeacherRequests[t].Sum(r => p.Length[r] - 1);
            for (var k = 0; k < p.SlotCount;)
            {
                if (!p.TeacherAvailable[t][k])
                {
                    k++;
                    continue;
                }
                var run = new List<int>();
                for (var j = k; j < p.SessionEnd[k] && p.TeacherAvailable[t][j]; j++)
                {
                    run.Add(t * p.SlotCount + j);
                }
                capacity.Add(RunCapacity(run.Count, p.MaxConsecutive[t], extra));
                foreach (var slot in run)
                {
                    _slotRun[slot] = runs.Count;
                }
                runs.Add(run);
                k += run.Count;
            }
        }
        _runSlots = runs.Select(r => r.ToArray()).ToArray();
        _capacity = capacity.ToArray();
        _load = new int[_capacity.Length];
        _unitSlot = new int[units];
        Array.Fill(_unitSlot, -1);
        _slotUnit = new int[_slots];
        Array.Fill(_slotUnit, -1);
        _request = new int[units];
        var nodes = units + _slots + _capacity.Length;
        _parent = new int[nodes];
        _seen = new int[nodes];
    }

    /// <summary>
    /// Most busy slots in a run of <paramref name="length"/> slots: b blocks of at most <paramref name="max"/>
    /// meetings need b − 1 free slots between them, and busy slots exceed meetings by at most
    /// <paramref name="extra"/> (the teacher's double-length requests).
    /// </summary>
    internal static int RunCapacity(int length, int max, int extra)
    {
        if (max == int.MaxValue)
        {
            return length;
        }
        for (var busy = length; busy > 0; busy--)
        {
            var meetings = Math.Max(1, busy - extra);
            var blocks = (meetings + max - 1) / max;
            if (busy <= length - (blocks - 1))
            {
                return busy;
            }
        }
        return 0;
    }

    private int RunNode(int run) => _units + _slots + run;

    private int SlotNode(int slot) => _units + slot;

    public bool Augment(int unit, int request)
    {
        _request[unit] = request;
        _stamp++;
        var queue = new Queue<int>();
        queue.Enqueue(unit);
        _seen[unit] = _stamp;
        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            if (node < _units)
            {
                foreach (var slot in _edges[_request[node]])
                {
                    if (slot != _unitSlot[node] && _slotRun[slot] >= 0)
                    {
                        Visit(queue, SlotNode(slot), node);
                    }
                }
            }
            else if (node < _units + _slots)
            {
                var slot = node - _units;
                var occupant = _slotUnit[slot];
                var cameFromRun = _parent[node] >= _units + _slots;
                if (occupant >= 0)
                {
                    Visit(queue, occupant, node);
                }
                else if (!cameFromRun)
                {
                    Visit(queue, RunNode(_slotRun[slot]), node);
                }
            }
            else
            {
                var run = node - _units - _slots;
                if (_load[run] < _capacity[run])
                {
                    Apply(node);
                    return true;
                }
                foreach (var slot in _runSlots[run])
                {
                    if (_slotUnit[slot] >= 0)
                    {
                        Visit(queue, SlotNode(slot), node);
                    }
                }
            }
        }
        return false;
    }

    private void Visit(Queue<int> queue, int node, int from)
    {
        if (_seen[node] == _stamp)
        {
            return;
        }
        _seen[node] = _stamp;
        _parent[node] = from;
        queue.Enqueue(node);
    }

    /// <summary>Walks the path back from the run that had room and flips every edge on it.</summary>
    private void Apply(int lastRun)
    {
        _load[lastRun - _units - _slots]++;
        var path = new List<int>();
        // Every unit on the path but the new one already holds a slot, so the new one ends the walk.
        for (var node = lastRun; ; node = _parent[node])
        {
            path.Add(node);
            if (node < _units && _unitSlot[node] < 0)
            {
                break;
            }
        }
        path.Reverse();
        for (var i = 0; i + 1 < path.Count; i++)
        {
            int a = path[i], b = path[i + 1];
            if (a < _units && b >= _units && b < _units + _slots)
            {
                _unitSlot[a] = b - _units;
                _slotUnit[b - _units] = a;
            }
            else if (a >= _units + _slots && b >= _units && b < _units + _slots && _slotUnit[b - _units] >= 0 && _parent[b] == a)
            {
                // The occupant leaves this slot (it moves on along the path); the run keeps its load.
                _slotUnit[b - _units] = -1;
            }
        }
    }
}

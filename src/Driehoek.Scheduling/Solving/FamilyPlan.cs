namespace Driehoek.Scheduling.Solving;

/// <summary>The best way found to place one family's requests given everyone else's meetings.</summary>
internal sealed class FamilyPlan
{
    public FamilyPlan(int capacity)
    {
        Requests = new int[capacity];
        Teachers = new int[capacity];
        Starts = new int[capacity];
    }

    public int Family { get; set; } = -1;
    public int Count { get; set; }
    public int[] Requests { get; }
    public int[] Teachers { get; }
    public int[] Starts { get; }

    /// <summary>Sum of priority over the requests in this plan.</summary>
    public int Priority { get; set; }

    /// <summary>How much worse the family's next-best single-day window is (0 when it has several equally good ones).</summary>
    public int Regret { get; set; }

    /// <summary>How many single-day windows reach the family's least cost; fewer means more constrained.</summary>
    public int Options { get; set; }

    public void Clear(int family)
    {
        Family = family;
        Count = 0;
        Priority = 0;
        Regret = 0;
        Options = 0;
    }

    public void Add(int request, int teacher, int start)
    {
        Requests[Count] = request;
        Teachers[Count] = teacher;
        Starts[Count] = start;
        Count++;
    }
}

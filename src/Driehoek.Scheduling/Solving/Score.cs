namespace Driehoek.Scheduling.Solving;

/// <summary>
/// The lexicographic objective: placed priority (higher is better), then family cost = waiting minutes +
/// <see cref="Problem.ExtraVisitMinutes"/> per extra visit (lower), then teacher idle minutes (lower).
/// Compared tier by tier, never scalarised for deciding what is better.
/// </summary>
public readonly record struct Score(long Placed, long FamilyCost, long Idle) : IComparable<Score>
{
    /// <summary>Positive when this score is better than <paramref name="other"/>.</summary>
    public int CompareTo(Score other)
    {
        if (Placed != other.Placed)
        {
            return Placed.CompareTo(other.Placed);
        }
        if (FamilyCost != other.FamilyCost)
        {
            return other.FamilyCost.CompareTo(FamilyCost);
        }
        return other.Idle.CompareTo(Idle);
    }

    public bool IsBetterThan(Score other) => CompareTo(other) > 0;

    public override string ToString() => $"placed {Placed}, family cost {FamilyCost}, idle {Idle}";
}

namespace Driehoek.Scheduling.Solving;

/// <summary>
/// The lexicographic objective, in the format's order: placed priority (higher is better), then family cost =
/// waiting minutes + <see cref="Problem.ExtraVisitMinutes"/> per extra visit (lower), then sibling families
/// that could sit in one unbroken block but do not (lower), then teacher idle minutes (lower). Compared tier
/// by tier, never scalarised for deciding what is better.
/// </summary>
public readonly record struct Score(long Placed, long FamilyCost, int SiblingsApart, long Idle) : IComparable<Score>
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
        if (SiblingsApart != other.SiblingsApart)
        {
            return other.SiblingsApart.CompareTo(SiblingsApart);
        }
        return other.Idle.CompareTo(Idle);
    }

    public bool IsBetterThan(Score other) => CompareTo(other) > 0;

    public override string ToString() => $"placed {Placed}, family cost {FamilyCost}, siblings apart {SiblingsApart}, idle {Idle}";
}

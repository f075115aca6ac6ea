namespace Driehoek.Scheduling.Checking;

/// <summary>The result of checking a solution: every broken hard rule, and the quality metrics.</summary>
public sealed record CheckReport(IReadOnlyList<Violation> Violations, ScheduleMetrics Metrics)
{
    public bool IsFeasible => Violations.Count == 0;
}

/// <summary>
/// A broken hard rule. <see cref="Rule"/> is one of <c>accounted</c>, <c>reference</c>, <c>session</c>,
/// <c>availability</c>, <c>overlap</c>, <c>maxConsecutive</c>; <see cref="Element"/> names the request,
/// teacher or family involved.
/// </summary>
public sealed record Violation(string Rule, string Element, string Message)
{
    public override string ToString() => $"[{Rule}] {Element}: {Message}";
}

/// <summary>
/// Quality of a schedule in the format's order. Waiting and idle are real minutes (a break between two
/// sessions of one day counts). <see cref="SiblingFamiliesPossible"/> counts families with two or more
/// students whose requests could all form one unbroken block on one day if the family were alone;
/// <see cref="SiblingFamiliesTogether"/> those of them whose placed meetings, for at least two of the
/// students, form one unbroken block on one day (a request lost to capacity counts against placement).
/// <see cref="FamiliesShort"/>: families with at least one request not placed (that lose a meeting).
/// </summary>
public sealed record ScheduleMetrics(
    int PlacedPriority,
    int TotalPriority,
    int PlacedCount,
    int RequestCount,
    int TotalWaitingMinutes,
    int MaxWaitingMinutes,
    int FamiliesWaiting,
    int FamiliesAttending,
    int ExtraVisits,
    int SiblingFamiliesPossible,
    int SiblingFamiliesTogether,
    int TeacherIdleMinutes,
    int FamiliesShort)
{
    /// <summary>Share of attending families (at least one meeting) that wait at all.</summary>
    public double ShareFamiliesWaiting => FamiliesAttending == 0 ? 0 : (double)FamiliesWaiting / FamiliesAttending;

    /// <summary>Share of sibling families kept in one unbroken block, among those for which that is possible.</summary>
    public double SiblingsTogetherShare => SiblingFamiliesPossible == 0 ? 1 : (double)SiblingFamiliesTogether / SiblingFamiliesPossible;
}

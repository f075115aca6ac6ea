using Driehoek.Web.Features.Organisation;

namespace Driehoek.Web.Features.Bookings;

/// <summary>
/// A suggested evening for a family that chose several teachers: one free time per teacher, on one day, back
/// to back or with the shortest gaps, never two at once, next to the conversations the family already has in
/// the round (a brother's or sister's: the sibling block). Pure: the times given are the ones the family can
/// book (<see cref="GetBookingOptions"/> already left out what clashes with their other conversations).
/// </summary>
public static class EveningSuggestion
{
    public sealed record Time(Guid SlotId, DateTime StartsAt, DateTime EndsAt);

    /// <summary>For each entry of <paramref name="wanted"/> (the free times of one chosen teacher) the suggested slot, or null where none fits.</summary>
    public static IReadOnlyList<Guid?> Suggest(IReadOnlyList<IReadOnlyList<Time>> wanted, IReadOnlyList<(DateTime StartsAt, DateTime EndsAt)> booked)
    {
        var bookedDays = booked.Select(b => Day(b.StartsAt)).ToHashSet();
        Plan? best = null;
        foreach (var day in wanted.SelectMany(w => w).Select(t => Day(t.StartsAt)).Distinct().Order())
        {
            var onDay = wanted.Select(w => w.Where(t => Day(t.StartsAt) == day).OrderBy(t => t.StartsAt).ToList()).ToList();
            var bookedOnDay = booked.Where(b => Day(b.StartsAt) == day).ToList();
            var days = bookedDays.Count + (bookedDays.Contains(day) ? 0 : 1);
            foreach (var from in onDay.SelectMany(w => w).Select(t => t.StartsAt).Distinct())
            {
                var plan = Greedy(onDay, bookedOnDay, from, days);
                if (best is null || plan.BetterThan(best))
                {
                    best = plan;
                }
            }
        }
        return best?.Chosen.Select(t => t?.SlotId).ToList() ?? wanted.Select(_ => (Guid?)null).ToList();
    }

    /// <summary>From <paramref name="from"/> on, again and again the teacher whose first time that still fits comes earliest.</summary>
    private static Plan Greedy(List<List<Time>> onDay, List<(DateTime StartsAt, DateTime EndsAt)> booked, DateTime from, int days)
    {
        var taken = new List<(DateTime StartsAt, DateTime EndsAt)>(booked);
        var chosen = new Time?[onDay.Count];
        while (true)
        {
            var next = Enumerable.Range(0, onDay.Count).Where(i => chosen[i] is null)
                .Select(i => (Index: i, Time: onDay[i].FirstOrDefault(t => t.StartsAt >= from && !taken.Any(b => t.StartsAt < b.EndsAt && b.StartsAt < t.EndsAt))))
                .Where(x => x.Time is not null)
                .OrderBy(x => x.Time!.StartsAt).ThenBy(x => onDay[x.Index].Count)
                .FirstOrDefault();
            if (next.Time is null)
            {
                break;
            }
            chosen[next.Index] = next.Time;
            taken.Add((next.Time.StartsAt, next.Time.EndsAt));
        }
        var placed = chosen.Count(c => c is not null);
        var span = placed == 0 ? TimeSpan.MaxValue : taken.Max(t => t.EndsAt) - taken.Min(t => t.StartsAt);
        return new Plan(chosen, placed, days, span, from);
    }

    private sealed record Plan(Time?[] Chosen, int Placed, int Days, TimeSpan Span, DateTime From)
    {
        /// <summary>Most teachers placed; then fewest evenings out for the family; then the shortest evening; then the earliest.</summary>
        public bool BetterThan(Plan other) =>
            (Placed, -Days, -Span.Ticks, -From.Ticks).CompareTo((other.Placed, -other.Days, -other.Span.Ticks, -other.From.Ticks)) > 0;
    }

    private static DateOnly Day(DateTime utc) => DateOnly.FromDateTime(SchoolCalendar.ToLocal(utc));
}

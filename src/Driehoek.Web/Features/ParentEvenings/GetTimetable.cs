using Driehoek.Web.Features.Bookings;
using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;

namespace Driehoek.Web.Features.ParentEvenings;

/// <summary>One conversation on the family's timetable; <see cref="GapBefore"/> is the wait since the previous one that day (0: back to back).</summary>
public sealed record TimetableMeeting(Guid BookingId, string Child, string Teacher, DateTime StartsAt, DateTime EndsAt, string? Place,
    MeetingMode Mode, int? GapBefore);

public sealed record TimetableDay(DateOnly Date, IReadOnlyList<TimetableMeeting> Meetings)
{
    public DateTime ArriveBy => Meetings[0].StartsAt;
    public DateTime DoneAt => Meetings[^1].EndsAt;
}

public sealed record TimetableMissing(string Child, string Teacher, RequestOutcome Outcome, string? ReasonKey);

public sealed record Timetable(Guid RoundId, string RoundName, bool Published, IReadOnlyList<TimetableDay> Days, IReadOnlyList<TimetableMissing> NotScheduled);

/// <summary>
/// The household's evening: its conversations in time order per day, siblings one after another, with
/// the waits between them; and what could not be scheduled, with the reason in plain words.
/// </summary>
public sealed class GetTimetable(AppDbContext db, Access access)
{
    public async Task<Result<Timetable>> HandleAsync(Guid roundId, CancellationToken ct)
    {
        var family = await FamilyRound.LoadAsync(db, access, roundId, ct);
        if (family is null)
        {
            return Result<Timetable>.NotFound();
        }
        var round = family.Round;
        var rows = await db.Bookings.AsNoTracking()
            .Where(b => b.RoundId == round.Id && b.HouseholdId == family.HouseholdId && b.ActiveSlotId != null)
            .Join(db.Students, b => b.StudentId, s => s.Id, (b, s) => new { b, Child = s.FirstName })
            .Join(db.StaffMembers, x => x.b.StaffMemberId, m => m.Id, (x, m) => new { x.b, x.Child, m.FirstName, m.LastNamePrefix, m.LastName })
            .GroupJoin(db.Slots, x => x.b.SlotId, s => s.Id, (x, slots) => new { x, slots })
            .SelectMany(g => g.slots.DefaultIfEmpty(), (g, s) => new
            {
                g.x.b, g.x.Child, g.x.FirstName, g.x.LastNamePrefix, g.x.LastName,
                Room = s == null ? null : s.Room, VideoLink = s == null ? null : s.VideoLink,
            })
            .ToListAsync(ct);
        var days = rows.OrderBy(x => x.b.StartsAt)
            .GroupBy(x => DateOnly.FromDateTime(SchoolCalendar.ToLocal(x.b.StartsAt)))
            .Select(day =>
            {
                DateTime? previousEnd = null;
                var meetings = new List<TimetableMeeting>();
                foreach (var x in day)
                {
                    meetings.Add(new TimetableMeeting(x.b.Id, x.Child, PersonName.Format(x.FirstName, x.LastNamePrefix, x.LastName), x.b.StartsAt, x.b.EndsAt,
                        x.b.Mode == MeetingMode.Video ? x.VideoLink : x.Room, x.b.Mode,
                        previousEnd is { } end ? Math.Max(0, (int)(x.b.StartsAt - end).TotalMinutes) : null));
                    previousEnd = previousEnd is { } e && e > x.b.EndsAt ? e : x.b.EndsAt;
                }
                return new TimetableDay(day.Key, meetings);
            }).ToList();
        var missing = await db.ConversationRequests.AsNoTracking()
            .Where(r => r.RoundId == round.Id && r.HouseholdId == family.HouseholdId && r.Outcome != RequestOutcome.Scheduled)
            .OrderBy(r => r.CreatedAt).ToListAsync(ct);
        var teachers = await RequestChecks.TeacherNamesAsync(db, round, missing, ct);
        var children = await db.Students.AsNoTracking().Where(s => family.StudentIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.FirstName, ct);
        return new Timetable(round.Id, round.Name, await RequestChecks.PublishedAsync(db, round.Id, ct), days,
            missing.Select(r => new TimetableMissing(children.GetValueOrDefault(r.StudentId) ?? "", teachers[r.Id], r.Outcome, r.UnplacedReason)).ToList());
    }
}

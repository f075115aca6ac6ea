using Driehoek.Web.Features.Rounds;
using Driehoek.Web.Features.People;

namespace Driehoek.Web.Features.Bookings;

public sealed record SlotOption(Guid SlotId, DateTime StartsAt, DateTime EndsAt, string? Room, bool HasVideo, bool NextToOwnBooking);

public sealed record TeacherOptions(Guid StaffMemberId, string Name, StaffRole Role, string? Subject, Guid? BookingId,
    IReadOnlyList<SlotOption> Slots, bool OnWaitingList);

public sealed record BookedItem(Guid BookingId, Guid StudentId, string StudentName, Guid StaffMemberId, string Teacher, DateTime StartsAt, DateTime EndsAt,
    string? Place, MeetingMode Mode, bool CanChange);

public sealed record ChildOptions(Guid StudentId, string Name, IReadOnlyList<TeacherOptions> Teachers);

public sealed record BookingOptions(
    Guid RoundId, string RoundName, ConversationForm Form, int LengthMinutes, FieldError? Closed, DateTime OpensAt, DateTime ClosesAt,
    int ChangeDeadlineHours, int MaxSubjectTeachers, IReadOnlyList<ChildOptions> Children, IReadOnlyList<BookedItem> Booked);

/// <summary>
/// What a household can book in a round: per child the teachers and their free times, siblings on one
/// page, times right before or after one of the household's own conversations marked, so brothers and
/// sisters can be booked back to back.
/// </summary>
public sealed class GetBookingOptions(AppDbContext db, Access access, TimeProvider clock, FreeSlots free)
{
    public async Task<Result<BookingOptions>> HandleAsync(Guid roundId, CancellationToken ct)
    {
        var (loaded, waiting) = await FamilyContext.LoadAllAsync(db, access, roundId, ct);
        if (loaded.Count == 0)
        {
            return Result<BookingOptions>.NotFound();
        }
        var families = loaded.Select(l => l.Family).ToList();
        var names = loaded.ToDictionary(l => l.Family.StudentId, l => l.FirstName);
        var round = families[0].Round;
        var now = clock.GetUtcNow().UtcDateTime;
        var studentIds = families.Select(f => f.StudentId).ToList();
        var households = families.Select(f => f.HouseholdId).Distinct().ToList();
        var teachers = await TeachersOfStudent.ForRoundAsync(db, round, studentIds, ct);
        var booked = await BookedAsync(round, households, names, now, ct);
        var allTeacherIds = teachers.Values.SelectMany(t => t).Select(t => t.StaffMemberId).Distinct().ToList();
        var slots = await free.ForTeachersAsync(round.Id, allTeacherIds, ct);
        var busy = await free.BusyAsync(round, families, ct);

        var children = families.Select(f => new ChildOptions(f.StudentId, names[f.StudentId],
            (teachers.GetValueOrDefault(f.StudentId) ?? []).Select(t => new TeacherOptions(t.StaffMemberId, t.Name, t.Role, t.Subject,
                booked.FirstOrDefault(b => b.StudentId == f.StudentId && b.StaffMemberId == t.StaffMemberId)?.BookingId,
                slots.Where(s => s.StaffMemberId == t.StaffMemberId && !booked.Any(b => s.StartsAt < b.EndsAt && b.StartsAt < s.EndsAt)
                                 && !busy.Clashes(f, s.StartsAt, s.EndsAt))
                    .Select(s => new SlotOption(s.SlotId, s.StartsAt, s.EndsAt, s.Room, s.HasVideo || round.Form == ConversationForm.Digital,
                        booked.Any(b => b.EndsAt == s.StartsAt || b.StartsAt == s.EndsAt)))
                    .ToList(),
                waiting.Contains((f.StudentId, t.StaffMemberId)))).ToList())).ToList();

        return new BookingOptions(round.Id, round.Name, round.Form, round.LengthMinutes, BookingChecks.Window(round, now),
            round.BookingOpensAt, round.BookingClosesAt, round.ChangeDeadlineHours, round.MaxSubjectTeachers, children, booked);
    }

    private async Task<List<BookedItem>> BookedAsync(ConversationRound round, List<Guid> households, Dictionary<Guid, string> names, DateTime now, CancellationToken ct)
    {
        var rows = await db.Bookings.AsNoTracking()
            .Where(b => b.RoundId == round.Id && households.Contains(b.HouseholdId) && b.ActiveSlotId != null)
            .Join(db.StaffMembers, b => b.StaffMemberId, m => m.Id, (b, m) => new { b, m.FirstName, m.LastNamePrefix, m.LastName })
            // A plain left join: "the first slot of the group" made EF number every slot of the school (ROW_NUMBER) on each call.
            .GroupJoin(db.Slots, x => x.b.SlotId, s => s.Id, (x, slots) => new { x, slots })
            .SelectMany(g => g.slots.DefaultIfEmpty(), (g, s) => new
            {
                g.x.b, g.x.FirstName, g.x.LastNamePrefix, g.x.LastName,
                Room = s == null ? null : s.Room, VideoLink = s == null ? null : s.VideoLink,
            })
            .OrderBy(x => x.b.StartsAt)
            .ToListAsync(ct);
        return rows.Select(x => new BookedItem(x.b.Id, x.b.StudentId, names.GetValueOrDefault(x.b.StudentId) ?? "", x.b.StaffMemberId,
                PersonName.Format(x.FirstName, x.LastNamePrefix, x.LastName), x.b.StartsAt, x.b.EndsAt,
                x.b.Mode == MeetingMode.Video ? x.VideoLink : x.Room, x.b.Mode,
                BookingOwner.Deadline(x.b, round.ChangeDeadlineHours, Actor.Household, now) is null))
            .ToList();
    }
}

using Driehoek.Web.Features.Bookings;
using Driehoek.Web.Features.Conversations;
using Driehoek.Web.Features.Coverage;
using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;

namespace Driehoek.Web.Features.Contacts;

public sealed record FamilyToReach(Guid StudentId, string StudentName, string GroupName, IReadOnlyList<GuardianPhone> Guardians);

/// <summary>A concern waiting for an answer, without its text (that is read, and audited, on the student's concerns page).</summary>
public sealed record ConcernToHandle(Guid Id, Guid StudentId, string StudentName, ConcernSituation Situation, bool Sensitive, ConcernStatus Status,
    DateTime CreatedAt);

/// <summary>A contact about one of one's students that someone else logged (a subject teacher, a coordinator), or a family's news.</summary>
public sealed record ContactByOthers(Guid StudentId, string StudentName, string AuthorName, DateTime At, ContactChannel Channel, ContactArea Area,
    ContactTone? Tone, FamilyNewsKind? News, string? Summary);

/// <summary>A date someone agreed to talk with a family again, from today on.</summary>
public sealed record TalkAgain(Guid StudentId, string StudentName, DateOnly On, string AuthorName);

/// <param name="Families">How many families the groups one leads have.</param>
public sealed record MyContactsView(Guid SchoolId, DateOnly YearStart, int Families, int Positive, int Concern, IReadOnlyList<FamilyToReach> NotReached,
    IReadOnlyList<ConcernToHandle> Concerns, IReadOnlyList<ContactByOthers> ByOthers, IReadOnlyList<TalkAgain> TalkAgain);

/// <summary>
/// A staff member's contacts page at one school. For the groups they lead this school year: the families not reached yet
/// (no contact logged, no held conversation and no call that reached them since the year began), the count of positive
/// and concern contacts, the dates agreed to talk again, and what colleagues and families logged in the last weeks. The concerns waiting for them: their
/// groups' concerns, and for the care coordinator the school's sensitive ones.
/// </summary>
public sealed class GetMyContacts(AppDbContext db, Access access, TimeProvider clock)
{
    private const int ByOthersDays = 42;
    private const int MaxRows = 500;

    public async Task<Result<MyContactsView>> HandleAsync(Guid? schoolId, CancellationToken ct)
    {
        var profile = await access.ProfileAsync(ct);
        var id = schoolId ?? profile.StaffSchoolIds.FirstOrDefault();
        if (id == Guid.Empty || !await access.MayAsync(Resource.MyContacts, Act.View, Target.School(id), ct))
        {
            return Result<MyContactsView>.NotFound();
        }
        var today = SchoolCalendar.Today(clock);
        var year = await SchoolCalendar.CurrentYearAsync(db, id, today, ct);
        var yearStart = year?.StartsOn ?? SchoolCalendar.YearContaining(today).Start;
        var since = SchoolCalendar.ToUtc(yearStart.ToDateTime(TimeOnly.MinValue));
        var now = clock.GetUtcNow().UtcDateTime;

        var led = profile.Staff.Where(s => s.SchoolId == id && s.GroupId is not null && s.Role is StaffRole.Mentor or StaffRole.GroupTeacher)
            .Select(s => s.GroupId!.Value).Distinct().ToList();
        var yearId = year?.Id;
        var groups = db.Groups.Where(g => led.Contains(g.Id) && g.SchoolId == id && (yearId == null || g.SchoolYearId == yearId));
        var enrolled = db.Enrollments.Where(e => groups.Any(g => g.Id == e.GroupId));
        var studentIds = enrolled.Select(e => e.StudentId);
        var entries = db.ContactEntries.Where(e => e.SchoolId == id && studentIds.Contains(e.StudentId));

        var families = await studentIds.Distinct().CountAsync(ct);
        var tones = await entries.Where(e => e.At >= since && e.Tone != null).GroupBy(e => e.Tone).Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(ct);

        var notReached = await (from e in enrolled.AsNoTracking()
                                join s in db.Students on e.StudentId equals s.Id
                                join g in db.Groups on e.GroupId equals g.Id
                                where !db.ContactEntries.Any(c => c.StudentId == s.Id && c.Channel != ContactChannel.FamilyNews && c.At >= since)
                                      && !db.Bookings.Any(b => b.StudentId == s.Id && b.Status == BookingStatus.Held && b.StartsAt >= since)
                                      && !db.FollowUpCalls.Any(c => c.StudentId == s.Id && c.Outcome == CallOutcome.Reached && c.CalledAt >= since)
                                      && !(from c in db.PlannedConversations
                                           join t in db.PlannedConversationTimes on c.ChosenTimeId equals (Guid?)t.Id
                                           where c.StudentId == s.Id && c.Status == PlannedStatus.Accepted && t.StartsAt >= since && t.StartsAt <= now
                                           select c.Id).Any()
                                orderby g.Name, s.LastName, s.FirstName
                                select new { s.Id, s.FirstName, s.LastNamePrefix, s.LastName, Group = g.Name }).Take(MaxRows).ToListAsync(ct);
        var ids = notReached.Select(s => s.Id).ToList();
        var phones = (await (from gs in db.Guardianships.AsNoTracking()
                             where ids.Contains(gs.StudentId) && gs.SchoolId == id
                             join g in db.Guardians on gs.GuardianId equals g.Id
                             select new { gs.StudentId, g.FirstName, g.LastNamePrefix, g.LastName, g.Phone }).ToListAsync(ct))
            .ToLookup(g => g.StudentId, g => new GuardianPhone(PersonName.Format(g.FirstName, g.LastNamePrefix, g.LastName), g.Phone));

        var relations = await access.RelationsAsync(Target.School(id), ct);
        var care = relations.Contains(Relation.CareCoordinator);
        var concerns = await (from c in db.Concerns.AsNoTracking()
                              where c.SchoolId == id && c.Status != ConcernStatus.Answered && (studentIds.Contains(c.StudentId) || (care && c.Sensitive))
                              join s in db.Students on c.StudentId equals s.Id
                              orderby c.CreatedAt
                              select new { c.Id, c.StudentId, s.FirstName, s.LastNamePrefix, s.LastName, c.Situation, c.Sensitive, c.Status, c.CreatedAt })
            .Take(MaxRows).ToListAsync(ct);

        var recent = now.AddDays(-ByOthersDays);
        var userId = access.UserId;
        var byOthers = await (from e in entries.AsNoTracking()
                              where e.LoggedByUserId != userId && e.At >= recent
                              join s in db.Students on e.StudentId equals s.Id
                              orderby e.At descending
                              select new { e.StudentId, s.FirstName, s.LastNamePrefix, s.LastName, e.AuthorName, e.At, e.Channel, e.Area, e.Tone, e.NewsKind, e.Summary })
            .Take(MaxRows).ToListAsync(ct);

        var talkAgain = await (from e in entries.AsNoTracking()
                               where e.TalkAgainOn != null && e.TalkAgainOn >= today
                               join s in db.Students on e.StudentId equals s.Id
                               orderby e.TalkAgainOn
                               select new { e.StudentId, s.FirstName, s.LastNamePrefix, s.LastName, On = e.TalkAgainOn!.Value, e.AuthorName })
            .Take(MaxRows).ToListAsync(ct);

        return new MyContactsView(id, yearStart, families,
            tones.Where(t => t.Key == ContactTone.Positive).Sum(t => t.Count), tones.Where(t => t.Key == ContactTone.Concern).Sum(t => t.Count),
            notReached.Select(s => new FamilyToReach(s.Id, PersonName.Format(s.FirstName, s.LastNamePrefix, s.LastName), s.Group, phones[s.Id].ToList())).ToList(),
            concerns.Select(c => new ConcernToHandle(c.Id, c.StudentId, PersonName.Format(c.FirstName, c.LastNamePrefix, c.LastName), c.Situation, c.Sensitive,
                c.Status, c.CreatedAt)).ToList(),
            byOthers.Select(e => new ContactByOthers(e.StudentId, PersonName.Format(e.FirstName, e.LastNamePrefix, e.LastName), e.AuthorName, e.At, e.Channel,
                e.Area, e.Tone, e.NewsKind, e.Summary)).ToList(),
            talkAgain.Select(t => new TalkAgain(t.StudentId, PersonName.Format(t.FirstName, t.LastNamePrefix, t.LastName), t.On, t.AuthorName)).ToList());
    }
}

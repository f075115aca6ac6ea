using Driehoek.Web.Features.Bookings;
using Driehoek.Web.Features.Conversations;
using Driehoek.Web.Features.Coverage;
using Driehoek.Web.Features.People;
using Driehoek.Web.Infrastructure.Audit;

namespace Driehoek.Web.Features.Contacts;

/// <summary>What a line of the contact log is, and where it comes from.</summary>
public enum LogKind
{
    /// <summary>Logged in the contact log by staff.</summary>
    Contact = 1,
    /// <summary>The family's news about something outside school.</summary>
    FamilyNews = 2,
    /// <summary>A held conversation of a round (read live from the booking).</summary>
    Conversation = 3,
    /// <summary>A conversation outside the rounds whose chosen time has passed (read live).</summary>
    Planned = 4,
    /// <summary>A follow-up call logged from the coverage page (read live).</summary>
    CoverageCall = 5,
    /// <summary>A concern the family raised, with the school's reply.</summary>
    Concern = 6,
}

/// <param name="Label">Resource key of what it was: <c>Channel.Call</c>, <c>Log.Conversation</c>, …</param>
/// <param name="Detail">The round's name, a conversation's purpose, or a resource key (a call's outcome, a concern's situation).</param>
public sealed record LogItem(LogKind Kind, DateTime At, string Label, string? Person, ContactWith? With, ContactArea? Area, ContactTone? Tone,
    string? Text, string? Detail, DateOnly? TalkAgainOn, string? Reply = null, ConcernStatus? Status = null, FamilyNewsKind? News = null);

public sealed record GuardianPhone(string Name, string? Phone);

/// <param name="OwnOnly">A subject teacher's view: their own contacts and conversations only.</param>
public sealed record ContactLogView(Guid StudentId, string StudentName, bool OwnOnly, bool ReadsConcerns, IReadOnlyList<GuardianPhone> Guardians,
    IReadOnlyList<LogItem> Items)
{
    public int Positive => Items.Count(i => i.Kind == LogKind.Contact && i.Tone == ContactTone.Positive);
    public int Concern => Items.Count(i => i.Kind == LogKind.Contact && i.Tone == ContactTone.Concern);
}

/// <summary>
/// One student's contact log: the contacts logged here, the family's news, and, read live from their own features, the
/// held conversations of the rounds, the conversations outside the rounds whose time has come, and the calls logged
/// from the coverage page; concerns with their replies for those who read them (each read audited). A subject teacher
/// reads only what is theirs.
/// </summary>
public sealed class GetContactLog(AppDbContext db, Access access, StudentConcerns concerns, AuditLog audit, TimeProvider clock)
{
    private const int MaxPerKind = 300;

    public async Task<Result<ContactLogView>> HandleAsync(Guid studentId, CancellationToken ct)
    {
        var relations = await access.RelationsAsync(Target.Student(studentId), ct);
        var student = await db.Students.AsNoTracking().Where(s => s.Id == studentId)
            .Select(s => new { s.SchoolId, s.FirstName, s.LastNamePrefix, s.LastName }).FirstOrDefaultAsync(ct);
        if (student is null || access.UserId is not { } userId || !await access.PermitsAsync(Resource.ContactLog, Act.View, relations, student.SchoolId, ct))
        {
            return Result<ContactLogView>.NotFound();
        }
        var all = ContactReaders.ReadsAll(relations);
        var profile = await access.ProfileAsync(ct);
        var me = profile.Staff.Where(s => s.SchoolId == student.SchoolId).Select(s => s.StaffMemberId).Distinct().ToList();
        var items = new List<LogItem>();

        var entries = await db.ContactEntries.AsNoTracking().Where(e => e.StudentId == studentId && (all || e.LoggedByUserId == userId))
            .OrderByDescending(e => e.At).Take(MaxPerKind).ToListAsync(ct);
        items.AddRange(entries.Select(e => e.Channel == ContactChannel.FamilyNews
            ? new LogItem(LogKind.FamilyNews, e.At, "Channel.FamilyNews", e.AuthorName, e.With, null, null, e.Summary, null, null, News: e.NewsKind)
            : new LogItem(LogKind.Contact, e.At, "Channel." + e.Channel, e.AuthorName, e.With, e.Area, e.Tone, e.Summary, null, e.TalkAgainOn)));

        var held = await (from b in db.Bookings.AsNoTracking()
                          where b.StudentId == studentId && b.Status == BookingStatus.Held && (all || me.Contains(b.StaffMemberId))
                          join r in db.Rounds on b.RoundId equals r.Id
                          join m in db.StaffMembers on b.StaffMemberId equals m.Id
                          orderby b.StartsAt descending
                          select new { b.StartsAt, Round = r.Name, m.FirstName, m.LastNamePrefix, m.LastName }).Take(MaxPerKind).ToListAsync(ct);
        items.AddRange(held.Select(b => new LogItem(LogKind.Conversation, b.StartsAt, "Log.Conversation", PersonName.Format(b.FirstName, b.LastNamePrefix, b.LastName),
            null, null, null, null, b.Round, null)));

        var now = clock.GetUtcNow().UtcDateTime;
        var planned = await (from c in db.PlannedConversations.AsNoTracking()
                             where c.StudentId == studentId && c.Status == PlannedStatus.Accepted && (all || me.Contains(c.PlannedByStaffId))
                             join t in db.PlannedConversationTimes on c.ChosenTimeId equals (Guid?)t.Id
                             where t.StartsAt <= now
                             join m in db.StaffMembers on c.PlannedByStaffId equals m.Id
                             orderby t.StartsAt descending
                             select new { t.StartsAt, c.Purpose, m.FirstName, m.LastNamePrefix, m.LastName }).Take(MaxPerKind).ToListAsync(ct);
        items.AddRange(planned.Select(c => new LogItem(LogKind.Planned, c.StartsAt, "Log.Planned", PersonName.Format(c.FirstName, c.LastNamePrefix, c.LastName),
            null, null, null, null, c.Purpose, null)));

        var calls = await db.FollowUpCalls.AsNoTracking().Where(c => c.StudentId == studentId && (all || c.CalledByUserId == userId))
            .OrderByDescending(c => c.CalledAt).Take(MaxPerKind)
            .Select(c => new
            {
                c.CalledAt, c.Outcome, Round = db.Rounds.Where(r => r.Id == c.RoundId).Select(r => r.Name).FirstOrDefault(),
                Caller = db.StaffMembers.Where(m => m.SchoolId == c.SchoolId && m.UserId == c.CalledByUserId)
                    .Select(m => m.FirstName + (m.LastNamePrefix == null ? "" : " " + m.LastNamePrefix) + " " + m.LastName).FirstOrDefault(),
            }).ToListAsync(ct);
        items.AddRange(calls.Select(c => new LogItem(LogKind.CoverageCall, c.CalledAt, c.Outcome == CallOutcome.Reached ? "Log.CallReached" : "Log.CallNoAnswer",
            c.Caller, ContactWith.Guardians, null, null, null, c.Round, null)));

        var readsConcerns = ContactReaders.ReadsConcern(relations, sensitive: true) || ContactReaders.ReadsConcern(relations, sensitive: false);
        if (readsConcerns)
        {
            var shown = await concerns.ReadableAsync(db.Concerns.Where(c => c.StudentId == studentId), relations, ct);
            foreach (var c in shown)
            {
                audit.Record("read", "concern", c.Id, userId, student.SchoolId);
                items.Add(new LogItem(LogKind.Concern, c.CreatedAt, "Log.Concern", c.RaisedBy, c.RaisedByStudent ? ContactWith.Student : ContactWith.Guardians,
                    c.Area, ContactTone.Concern, c.Text, "Situation." + c.Situation, null, c.Reply, c.Status));
            }
            await db.SaveChangesAsync(ct);
        }

        var guardians = await (from gs in db.Guardianships.AsNoTracking()
                               where gs.StudentId == studentId && gs.SchoolId == student.SchoolId
                               join g in db.Guardians on gs.GuardianId equals g.Id
                               select new { g.FirstName, g.LastNamePrefix, g.LastName, g.Phone }).ToListAsync(ct);
        return new ContactLogView(studentId, PersonName.Format(student.FirstName, student.LastNamePrefix, student.LastName), !all, readsConcerns,
            guardians.Select(g => new GuardianPhone(PersonName.Format(g.FirstName, g.LastNamePrefix, g.LastName), g.Phone)).ToList(),
            items.OrderByDescending(i => i.At).ToList());
    }
}

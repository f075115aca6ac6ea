using Driehoek.Web.Features.Bookings;
using Driehoek.Web.Features.People;
using Driehoek.Web.Features.Rounds;

namespace Driehoek.Web.Features.Interpreters;

/// <summary>A meeting that asked for an interpreter, with whom the school assigned (if anyone) and whether that clashes.</summary>
public sealed record InterpreterRequest(Guid BookingId, DateTime StartsAt, DateTime EndsAt, string Language, string Teacher, string Student,
    Guid? InterpreterId, bool Conflict);

public sealed record LanguageCount(string Language, int Requests, int Assigned);

public sealed record InterpreterLine(Guid Id, string Name, bool Staff, int Meetings);

public sealed record InterpretersView(Guid RoundId, string RoundName, IReadOnlyList<LanguageCount> Languages, IReadOnlyList<InterpreterRequest> Requests,
    IReadOnlyList<InterpreterLine> Interpreters, IReadOnlyList<StaffChoice> Staff)
{
    public int Unassigned => Requests.Count(r => r.InterpreterId is null);
    public int Conflicts => Requests.Count(r => r.Conflict);
}

/// <summary>Per round, for a leader: the languages families asked for, their meetings, the interpreters and who is where.</summary>
public sealed class GetInterpreters(AppDbContext db, Access access)
{
    public async Task<Result<InterpretersView>> HandleAsync(Guid roundId, CancellationToken ct)
    {
        var round = await InterpreterAccess.RoundAsync(db, access, roundId, Act.View, ct);
        if (round is null)
        {
            return Result<InterpretersView>.NotFound();
        }
        var rows = await (
                from b in db.Bookings.AsNoTracking()
                where b.RoundId == round.Id && b.InterpreterLanguage != null && b.Status != BookingStatus.Cancelled
                join t in db.StaffMembers on b.StaffMemberId equals t.Id
                join s in db.Students on b.StudentId equals s.Id
                from a in db.InterpreterAssignments.Where(a => a.BookingId == b.Id).DefaultIfEmpty()
                select new
                {
                    b.Id, b.StartsAt, b.EndsAt, Language = b.InterpreterLanguage!, TeacherFirst = t.FirstName, TeacherPrefix = t.LastNamePrefix,
                    TeacherLast = t.LastName, StudentFirst = s.FirstName, StudentPrefix = s.LastNamePrefix, StudentLast = s.LastName,
                    InterpreterId = a == null ? (Guid?)null : a.InterpreterId,
                })
            .ToListAsync(ct);
        var requests = rows
            .Select(r => new InterpreterRequest(r.Id, r.StartsAt, r.EndsAt, r.Language.Trim(), PersonName.Format(r.TeacherFirst, r.TeacherPrefix, r.TeacherLast),
                PersonName.Format(r.StudentFirst, r.StudentPrefix, r.StudentLast), r.InterpreterId,
                r.InterpreterId is { } id && rows.Any(o => o.Id != r.Id && o.InterpreterId == id && o.StartsAt < r.EndsAt && r.StartsAt < o.EndsAt)))
            .OrderBy(r => r.Language, StringComparer.CurrentCultureIgnoreCase).ThenBy(r => r.StartsAt).ToList();
        var languages = requests.GroupBy(r => r.Language, StringComparer.CurrentCultureIgnoreCase)
            .Select(g => new LanguageCount(g.Key, g.Count(), g.Count(r => r.InterpreterId is not null))).ToList();
        var interpreters = (await InterpreterNames.OfRoundAsync(db, round.Id, ct))
            .Select(i => new InterpreterLine(i.Id, i.Name, i.Staff, requests.Count(r => r.InterpreterId == i.Id))).ToList();
        var staff = (await db.StaffMembers.AsNoTracking().Where(m => m.SchoolId == round.SchoolId)
                .Select(m => new { m.Id, m.FirstName, m.LastNamePrefix, m.LastName }).ToListAsync(ct))
            .Select(m => new StaffChoice(m.Id, PersonName.Format(m.FirstName, m.LastNamePrefix, m.LastName))).OrderBy(m => m.Name).ToList();
        return new InterpretersView(round.Id, round.Name, languages, requests, interpreters, staff);
    }
}

/// <summary>An interpreter as staff read it: a staff member's name, or the external person's name and organisation.</summary>
public sealed record InterpreterName(Guid Id, string Name, bool Staff);

public static class InterpreterNames
{
    public static Task<List<InterpreterName>> OfRoundAsync(AppDbContext db, Guid roundId, CancellationToken ct) =>
        ReadAsync(db, db.Interpreters.Where(i => i.RoundId == roundId), ct);

    /// <summary>The interpreter assigned to a booking, if any.</summary>
    public static async Task<InterpreterName?> OfBookingAsync(AppDbContext db, Guid bookingId, CancellationToken ct) =>
        (await ReadAsync(db, db.Interpreters.Where(i => db.InterpreterAssignments.Any(a => a.BookingId == bookingId && a.InterpreterId == i.Id)), ct))
        .FirstOrDefault();

    private static async Task<List<InterpreterName>> ReadAsync(AppDbContext db, IQueryable<Interpreter> interpreters, CancellationToken ct) =>
        (await (from i in interpreters.AsNoTracking()
                from m in db.StaffMembers.Where(m => m.Id == i.StaffMemberId).DefaultIfEmpty()
                select new { i.Id, i.Name, i.Organisation, i.CreatedAt, First = m == null ? null : m.FirstName, Prefix = m == null ? null : m.LastNamePrefix,
                    Last = m == null ? null : m.LastName })
            .ToListAsync(ct))
        .OrderBy(i => i.CreatedAt)
        .Select(i => i.First is not null
            ? new InterpreterName(i.Id, PersonName.Format(i.First, i.Prefix, i.Last!), true)
            : new InterpreterName(i.Id, i.Organisation is null ? i.Name! : $"{i.Name} ({i.Organisation})", false))
        .ToList();
}

internal static class InterpreterAccess
{
    /// <summary>The round, when the reader may arrange its interpreters (a leader of its school); null otherwise.</summary>
    public static async Task<ConversationRound?> RoundAsync(AppDbContext db, Access access, Guid roundId, Act act, CancellationToken ct)
    {
        var round = await db.Rounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, ct);
        return round is not null && await access.MayAsync(Resource.Interpreters, act, Target.School(round.SchoolId), ct) ? round : null;
    }
}

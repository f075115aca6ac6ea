using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;

namespace Driehoek.Web.Features.Handover;

/// <summary>
/// How a staff member stands to one student's handover of one school year. The matrix's <see cref="Resource.Handover"/>
/// rows name the group's teacher or mentor, but a student has one per year: only this year's (<see cref="Outgoing"/>)
/// compiles and releases, and next year's (<see cref="Incoming"/>) reads it once released and nothing before that.
/// </summary>
/// <param name="Transfer">set when the handover is the one the student brought from another school of the board: read
/// here only once released, changed here never</param>
public sealed record StaffAtHandover(
    Guid StudentId, Guid SchoolId, SchoolYear Year, SchoolYear? NextYear, bool Outgoing, bool Incoming, bool Care, bool Leader,
    IReadOnlyList<SchoolYear> OtherYears, BoardTransfer? Transfer = null)
{
    /// <summary>The student record whose handover it is: this one, or the one at the school the student came from.</summary>
    public Guid HandoverStudentId => Transfer?.FromStudentId ?? StudentId;

    /// <summary>Reads the items (a draft too): everyone but next year's teacher, who waits for the release.</summary>
    public bool SeesContent(HandoverStatus? status) =>
        Transfer is null ? Outgoing || Care || Leader || (Incoming && status == HandoverStatus.Released) : status == HandoverStatus.Released;

    public bool MayChange => Transfer is null && (Outgoing || Leader);

    /// <summary>Care items: the care coordinator, and the outgoing teacher who reads the group's care notes anyway (never the leaders).</summary>
    public bool ReadsCare => Care || Outgoing;

    public bool Reads(HandoverAudience audience) => audience != HandoverAudience.Care || ReadsCare;
}

public sealed class HandoverAccess(AppDbContext db, Access access, TimeProvider clock)
{
    /// <param name="yearId">the school year handed over; null: the student's year now, else the latest the reader has a part in</param>
    public async Task<StaffAtHandover?> ForStaffAsync(Guid studentId, Guid? yearId, Act act, CancellationToken ct)
    {
        var readable = await ReadersAsync(studentId, act, ct);
        StaffAtHandover? chosen;
        if (yearId is { } id)
        {
            chosen = readable.FirstOrDefault(r => r.Year.Id == id);
        }
        else
        {
            var today = SchoolCalendar.Today(clock);
            chosen = readable.FirstOrDefault(r => r.Year.StartsOn <= today && today <= r.Year.EndsOn) ?? readable.FirstOrDefault();
        }
        return chosen is null ? null : chosen with { OtherYears = readable.Where(r => r.Year.Id != chosen.Year.Id).Select(r => r.Year).ToList() };
    }

    /// <summary>How the signed-in person stands to each of the student's school years they have a part in, newest first.</summary>
    /// <param name="known">the reader's relations to the student where the caller has them already (the timeline)</param>
    public async Task<IReadOnlyList<StaffAtHandover>> ReadersAsync(Guid studentId, Act act, CancellationToken ct, IReadOnlySet<Relation>? known = null)
    {
        var relations = known ?? await access.RelationsAsync(Target.Student(studentId), ct);
        // No cell of the handover's rows is opened by a school setting, so no school is needed to decide.
        if (!await access.PermitsAsync(Resource.Handover, act, relations, null, ct))
        {
            return [];
        }
        // Only the years the student was enrolled in have a handover, and only those tell who took the student over.
        var enrolled = await db.Enrollments.AsNoTracking().Where(e => e.StudentId == studentId)
            .Join(db.SchoolYears, e => e.SchoolYearId, y => y.Id, (e, y) => new { e.GroupId, Year = y }).ToListAsync(ct);
        var years = enrolled.Select(e => e.Year).DistinctBy(y => y.Id).OrderBy(y => y.StartsOn).ToList();
        var leads = (await access.ProfileAsync(ct)).LeadsGroupIds.ToHashSet();
        var care = relations.Contains(Relation.CareCoordinator);
        var leader = relations.Contains(Relation.SchoolLeader) || relations.Contains(Relation.Administrator);

        StaffAtHandover? Of(SchoolYear year)
        {
            var next = years.FirstOrDefault(y => y.StartsOn > year.StartsOn);
            var outgoing = enrolled.Any(e => e.Year.Id == year.Id && leads.Contains(e.GroupId));
            var incoming = next is not null && enrolled.Any(e => e.Year.Id == next.Id && leads.Contains(e.GroupId));
            var reader = new StaffAtHandover(studentId, year.SchoolId, year, next, outgoing, incoming, care, leader, []);
            var allowed = act == Act.Change ? reader.MayChange : outgoing || incoming || care || leader;
            return allowed ? reader : null;
        }

        var readers = years.OrderByDescending(y => y.StartsOn).Select(Of).OfType<StaffAtHandover>().ToList();
        if (act == Act.View && await BoardTransfer.IntoAsync(db, studentId, ct) is { } transfer)
        {
            // The handover brought from the other school: this school's teacher or mentor of the student's first year
            // here, its care coordinator (care items) and its leaders read it; it is the school's, read in its name.
            var incoming = enrolled.Any(e => e.Year.Id == transfer.FirstYearHere.Id && leads.Contains(e.GroupId));
            if (incoming || care || leader)
            {
                readers.Add(new StaffAtHandover(studentId, transfer.FirstYearHere.SchoolId, transfer.LastYearThere, transfer.FirstYearHere,
                    Outgoing: false, incoming, care, leader, [], transfer));
            }
        }
        return readers;
    }

    /// <summary>
    /// The handover a start conversation in school year <paramref name="yearId"/> opens with: the year before at the same
    /// school, or the one the student brought from another school of the board (where it allows) in their first year here.
    /// </summary>
    /// <returns>the student record whose handover it is (this one, or the one at the other school) and its year</returns>
    public static async Task<(Guid StudentId, SchoolYear Year)?> OpensWithAsync(AppDbContext db, Guid studentId, Guid yearId, CancellationToken ct)
    {
        var before = await YearBeforeAsync(db, yearId, ct);
        if (before is not null && await db.Enrollments.AnyAsync(e => e.StudentId == studentId && e.SchoolYearId == before.Id, ct))
        {
            return (studentId, before);
        }
        if (await BoardTransfer.IntoAsync(db, studentId, ct) is { } transfer && transfer.FirstYearHere.Id == yearId)
        {
            return (transfer.FromStudentId, transfer.LastYearThere);
        }
        return before is null ? null : (studentId, before);
    }

    /// <summary>The year before <paramref name="yearId"/> at the same school: the one whose handover a start conversation opens with.</summary>
    public static async Task<SchoolYear?> YearBeforeAsync(AppDbContext db, Guid yearId, CancellationToken ct)
    {
        var year = await db.SchoolYears.AsNoTracking().FirstOrDefaultAsync(y => y.Id == yearId, ct);
        return year is null ? null
            : await db.SchoolYears.AsNoTracking().Where(y => y.SchoolId == year.SchoolId && y.StartsOn < year.StartsOn)
                .OrderByDescending(y => y.StartsOn).FirstOrDefaultAsync(ct);
    }

    /// <summary>
    /// A parent with parental authority, or the student from the age the school sets. A student below it (or at a
    /// school that does not show students their handover) reaches the page, which says so, and adds nothing.
    /// </summary>
    public async Task<FamilyAtHandover?> ForFamilyAsync(Guid studentId, Act act, CancellationToken ct)
    {
        var relations = await access.RelationsAsync(Target.Student(studentId), ct);
        if (!await access.PermitsAsync(Resource.FamilyHandover, act, relations, null, ct))
        {
            return null;
        }
        var facts = await FactsAsync(studentId, ct);
        if (relations.Contains(Relation.Guardian) && (await access.ProfileAsync(ct)).Children.GetValueOrDefault(studentId) is { } link)
        {
            return new FamilyAtHandover(studentId, facts.SchoolId, facts.FirstName, link.HouseholdId, IsStudent: false, Reads: true, null);
        }
        return new FamilyAtHandover(studentId, facts.SchoolId, facts.FirstName, null, IsStudent: true, StudentReads(facts), facts.StudentsFromAge);
    }

    /// <summary>Whether a family member with these relations reads the child's handover, without more than it takes to know.</summary>
    public async Task<bool> FamilyReadsAsync(Guid studentId, IReadOnlySet<Relation> relations, CancellationToken ct) =>
        await access.PermitsAsync(Resource.FamilyHandover, Act.View, relations, null, ct)
        && (relations.Contains(Relation.Guardian) || StudentReads(await FactsAsync(studentId, ct)));

    private sealed record StudentFacts(Guid SchoolId, string FirstName, DateOnly? DateOfBirth, int? StudentsFromAge);

    private Task<StudentFacts> FactsAsync(Guid studentId, CancellationToken ct) =>
        db.Students.AsNoTracking().Where(s => s.Id == studentId)
            .Select(s => new StudentFacts(s.SchoolId, s.FirstName, s.DateOfBirth,
                db.HandoverSettings.Where(x => x.SchoolId == s.SchoolId).Select(x => x.StudentsFromAge).FirstOrDefault()))
            .SingleAsync(ct);

    private bool StudentReads(StudentFacts facts) =>
        facts.StudentsFromAge is { } age && facts.DateOfBirth is { } born && AgeOn(born, SchoolCalendar.Today(clock)) >= age;

    public static int AgeOn(DateOnly born, DateOnly day) =>
        day.Year - born.Year - (day.Month < born.Month || (day.Month == born.Month && day.Day < born.Day) ? 1 : 0);
}

/// <param name="Reads">false for a student below the school's age: the page says so and shows nothing</param>
public sealed record FamilyAtHandover(Guid StudentId, Guid SchoolId, string FirstName, Guid? HouseholdId, bool IsStudent, bool Reads, int? StudentsFromAge);

using Driehoek.Web.Features.People;

namespace Driehoek.Web.Features.Agreements;

public sealed record AgreementResponseView(Guid UserId, string Name, bool ByStudent, DateTime? ConfirmedAt, string? Reaction);

public sealed record AgreementView(
    Guid Id, Guid StudentId, Guid? BookingId, string What, string? Why, string? How, DateOnly? DueOn, DateOnly CheckOn,
    AgreementOwner Owner, Guid? OwnerId, string OwnerName, AgreementStatus Status, DateTime? StatusChangedAt, string? StatusChangedBy,
    string CreatedByName, DateTime CreatedAt, bool Overdue, Guid Version, IReadOnlyList<AgreementResponseView> Responses)
{
    /// <summary>The value of the owner field of the form: <c>student</c>, <c>guardian:{id}</c> or <c>staff:{id}</c>.</summary>
    public string OwnerValue => AgreementOwners.Value(Owner, OwnerId);
}

/// <summary>Reads agreements with their owners' names and the family's answers, for every page that lists them.</summary>
public static class AgreementList
{
    /// <summary>A student's agreements, open ones first (by check date), then the rest, newest first.</summary>
    public static async Task<List<AgreementView>> OfStudentAsync(AppDbContext db, Guid studentId, DateOnly today, bool onlyOpen, CancellationToken ct)
    {
        var rows = await db.Agreements.AsNoTracking().Where(a => a.StudentId == studentId && (!onlyOpen || a.Status == AgreementStatus.Open))
            .ToListAsync(ct);
        if (rows.Count == 0)
        {
            return [];
        }
        var ids = rows.Select(a => a.Id).ToList();
        var responses = (await db.AgreementResponses.AsNoTracking().Where(r => ids.Contains(r.AgreementId)).ToListAsync(ct))
            .ToLookup(r => r.AgreementId);
        var names = await OwnerNamesAsync(db, studentId, rows, ct);
        return rows
            .OrderBy(a => a.Status == AgreementStatus.Open ? 0 : 1)
            .ThenBy(a => a.Status == AgreementStatus.Open ? a.CheckOn.DayNumber : -a.CreatedAt.Ticks / TimeSpan.TicksPerDay)
            .ThenBy(a => a.CreatedAt)
            .Select(a => new AgreementView(a.Id, a.StudentId, a.BookingId, a.What, a.Why, a.How, a.DueOn, a.CheckOn, a.Owner,
                a.OwnerGuardianId ?? a.OwnerStaffMemberId, names.GetValueOrDefault(AgreementOwners.Value(a.Owner, a.OwnerGuardianId ?? a.OwnerStaffMemberId), ""),
                a.Status, a.StatusChangedAt, a.StatusChangedBy, a.CreatedByName, a.CreatedAt,
                a.Status == AgreementStatus.Open && a.CheckOn < today, a.Version,
                responses[a.Id].OrderBy(r => r.ConfirmedAt ?? r.ReactedAt)
                    .Select(r => new AgreementResponseView(r.UserId, r.Name, r.ByStudent, r.ConfirmedAt, r.Reaction)).ToList()))
            .ToList();
    }

    private static async Task<Dictionary<string, string>> OwnerNamesAsync(AppDbContext db, Guid studentId, List<Agreement> rows, CancellationToken ct)
    {
        var guardianIds = rows.Where(a => a.OwnerGuardianId is not null).Select(a => a.OwnerGuardianId!.Value).Distinct().ToList();
        var staffIds = rows.Where(a => a.OwnerStaffMemberId is not null).Select(a => a.OwnerStaffMemberId!.Value).Distinct().ToList();
        var names = new Dictionary<string, string>();
        var student = await db.Students.AsNoTracking().Where(s => s.Id == studentId)
            .Select(s => new { s.FirstName, s.LastNamePrefix, s.LastName }).SingleAsync(ct);
        names[AgreementOwners.Value(AgreementOwner.Student, null)] = PersonName.Format(student.FirstName, student.LastNamePrefix, student.LastName);
        foreach (var g in await db.Guardians.AsNoTracking().Where(g => guardianIds.Contains(g.Id))
                     .Select(g => new { g.Id, g.FirstName, g.LastNamePrefix, g.LastName }).ToListAsync(ct))
        {
            names[AgreementOwners.Value(AgreementOwner.Guardian, g.Id)] = PersonName.Format(g.FirstName, g.LastNamePrefix, g.LastName);
        }
        foreach (var m in await db.StaffMembers.AsNoTracking().Where(m => staffIds.Contains(m.Id))
                     .Select(m => new { m.Id, m.FirstName, m.LastNamePrefix, m.LastName }).ToListAsync(ct))
        {
            names[AgreementOwners.Value(AgreementOwner.Staff, m.Id)] = PersonName.Format(m.FirstName, m.LastNamePrefix, m.LastName);
        }
        return names;
    }
}

/// <summary>One person who can own an agreement, as the form offers them.</summary>
public sealed record OwnerChoice(string Value, AgreementOwner Owner, Guid? Id, string Name);

/// <summary>Whom an agreement about a student can belong to: the student, the parents told of outcomes, the staff around the student.</summary>
public static class AgreementOwners
{
    public static string Value(AgreementOwner owner, Guid? id) => owner switch
    {
        AgreementOwner.Student => "student",
        AgreementOwner.Guardian => $"guardian:{id}",
        _ => $"staff:{id}",
    };

    public static async Task<List<OwnerChoice>> ChoicesAsync(AppDbContext db, Guid studentId, Guid schoolId, Guid? ownStaffId, CancellationToken ct)
    {
        var student = await db.Students.AsNoTracking().Where(s => s.Id == studentId)
            .Select(s => new { s.FirstName, s.LastNamePrefix, s.LastName }).SingleAsync(ct);
        var choices = new List<OwnerChoice> { new("student", AgreementOwner.Student, null, PersonName.Format(student.FirstName, student.LastNamePrefix, student.LastName)) };
        var guardians = await FamilyContacts.Of(db, schoolId, Organisation.LimitedGuardianAccess.ConversationOutcomes)
            .Where(c => c.StudentId == studentId).ToListAsync(ct);
        choices.AddRange(guardians.DistinctBy(g => g.GuardianId).OrderBy(g => g.Name, StringComparer.CurrentCulture)
            .Select(g => new OwnerChoice(Value(AgreementOwner.Guardian, g.GuardianId), AgreementOwner.Guardian, g.GuardianId, g.Name)));
        // Staff around the student: the group's teachers and mentors, the teachers the family met, the care coordinator, and oneself.
        var groups = db.Enrollments.Where(e => e.StudentId == studentId).Select(e => e.GroupId);
        var met = db.Bookings.Where(b => b.StudentId == studentId && b.Status != Bookings.BookingStatus.Cancelled).Select(b => b.StaffMemberId);
        var staffIds = db.StaffAssignments.Where(a => a.SchoolId == schoolId
                && ((a.GroupId != null && groups.Contains(a.GroupId.Value) && (a.Role == StaffRole.GroupTeacher || a.Role == StaffRole.Mentor))
                    || a.Role == StaffRole.CareCoordinator))
            .Select(a => a.StaffMemberId);
        var staff = await db.StaffMembers.AsNoTracking()
            .Where(m => m.SchoolId == schoolId && (staffIds.Contains(m.Id) || met.Contains(m.Id) || m.Id == ownStaffId))
            .Select(m => new { m.Id, m.FirstName, m.LastNamePrefix, m.LastName }).ToListAsync(ct);
        choices.AddRange(staff.Select(m => new OwnerChoice(Value(AgreementOwner.Staff, m.Id), AgreementOwner.Staff, m.Id,
            PersonName.Format(m.FirstName, m.LastNamePrefix, m.LastName))).OrderBy(c => c.Name, StringComparer.CurrentCulture));
        return choices;
    }
}

using Driehoek.Web.Features.Bookings;
using Driehoek.Web.Features.Rounds;
using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;

namespace Driehoek.Web.Features.ParentEvenings;

/// <summary>The rules a request must meet, each with its own message (resource keys of the family's texts).</summary>
public static class RequestChecks
{
    /// <summary>Families ask while the round is published, in request mode, and its window is open.</summary>
    public static FieldError? Window(ConversationRound round, DateTime now) =>
        BookingChecks.Window(round, now, RoundMode.Requests, "Request.NotRequestMode");

    /// <summary>Whether a request may ask for video: any teacher of the round offers it, or the round is digital.</summary>
    public static async Task<bool> VideoOfferedAsync(AppDbContext db, ConversationRound round, CancellationToken ct) =>
        round.Form == ConversationForm.Digital || await db.Slots.AnyAsync(s => s.RoundId == round.Id && s.VideoLink != null, ct);

    public static Task<bool> PublishedAsync(AppDbContext db, Guid roundId, CancellationToken ct) =>
        db.ScheduleRuns.AnyAsync(r => r.RoundId == roundId && r.PublishedAt != null, ct);

    /// <summary>The child's group teacher(s) or mentor(s), and subject teachers when the round allows them.</summary>
    public static (List<StudentTeacher> Main, List<StudentTeacher> Subjects) Split(IReadOnlyList<StudentTeacher> teachers) =>
        (teachers.Where(t => t.Role is StaffRole.GroupTeacher or StaffRole.Mentor).ToList(),
         teachers.Where(t => t.Role == StaffRole.SubjectTeacher).ToList());

    /// <summary>
    /// A fingerprint of the household's requests and sessions: the form carries it, so an edit made
    /// meanwhile by the other guardian of the household is not silently overwritten.
    /// </summary>
    public static string Stamp(IEnumerable<ConversationRequest> requests, IEnumerable<Guid> sessionIds)
    {
        var text = string.Join(",", requests.OrderBy(r => r.Id).Select(r => $"{r.Id:N}{r.Version:N}"))
                   + "|" + string.Join(",", sessionIds.Order().Select(s => s.ToString("N")));
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))[..16];
    }

    /// <summary>Per request, whom it was with: the subject teacher, or the child's group teacher(s) or mentor(s).</summary>
    public static async Task<Dictionary<Guid, string>> TeacherNamesAsync(AppDbContext db, ConversationRound round, IReadOnlyList<ConversationRequest> requests, CancellationToken ct)
    {
        var teachers = await TeachersOfStudent.ForRoundAsync(db, round, requests.Select(r => r.StudentId).Distinct().ToList(), ct);
        var subjectIds = requests.Where(r => r.StaffMemberId is not null).Select(r => r.StaffMemberId!.Value).ToList();
        var staff = await db.StaffMembers.AsNoTracking().Where(m => subjectIds.Contains(m.Id)).ToListAsync(ct);
        return requests.ToDictionary(r => r.Id, r => r.StaffMemberId is { } id
            ? staff.FirstOrDefault(m => m.Id == id)?.FullName ?? ""
            : string.Join(" / ", Split(teachers.GetValueOrDefault(r.StudentId) ?? []).Main.Select(t => t.Name)));
    }
}

using Driehoek.Web.Features.Bookings;
using Driehoek.Web.Features.Rounds;

namespace Driehoek.Web.Features.ParentEvenings;

internal static class RequestValidation
{
    /// <summary>Only the child's own teachers, the group teacher or mentor first when the round includes them, subject teachers up to the cap.</summary>
    public static FieldError? Teachers(ConversationRound round, bool wantsMain, IReadOnlyList<Guid> subjectIds,
        List<StudentTeacher> main, List<StudentTeacher> subjects, string child, bool hasMainAlready) =>
        Teachers(round.Participants.HasFlag(Participants.GroupTeacherOrMentor), round.MaxSubjectTeachers, wantsMain, subjectIds,
            main.Count > 0, subjects.Select(s => s.StaffMemberId).ToHashSet(), child, hasMainAlready);

    public static FieldError? Teachers(bool mainRequired, int maxSubjectTeachers, bool wantsMain, IReadOnlyList<Guid> subjectIds,
        bool hasMainTeacher, IReadOnlySet<Guid> subjects, string child, bool hasMainAlready)
    {
        if (wantsMain && !hasMainTeacher)
        {
            return new FieldError("", "Request.NoMainTeacher", child);
        }
        if (subjectIds.Any(id => !subjects.Contains(id)))
        {
            return new FieldError("", "Request.WrongTeacher", child);
        }
        if (subjectIds.Count > 0 && mainRequired && !wantsMain && !hasMainAlready)
        {
            return new FieldError("", "Request.MainRequired", child);
        }
        return subjectIds.Distinct().Count() > maxSubjectTeachers
            ? new FieldError("", "Booking.SubjectCap", maxSubjectTeachers)
            : null;
    }

    /// <summary>
    /// The teachers a late request may still name for this child: not asked yet (a cancelled conversation may be asked
    /// again) and allowed by <see cref="Teachers(bool, int, bool, IReadOnlyList{Guid}, bool, IReadOnlySet{Guid}, string, bool)"/>,
    /// the rule <see cref="AddLateRequest"/> applies, so the form offers nothing that would then be refused.
    /// </summary>
    public static List<TeacherChoice> LateChoices(bool mainRequired, int maxSubjectTeachers, TeacherChoice? main,
        IReadOnlyList<TeacherChoice> subjects, IReadOnlyList<RequestLine> requests, string child)
    {
        var own = requests.Where(r => !r.Cancelled).ToList();
        var asked = own.Where(r => r.StaffMemberId is not null).Select(r => r.StaffMemberId!.Value).ToList();
        var hasMain = own.Any(r => r.Kind == RequestKind.GroupTeacherOrMentor);
        var subjectIds = subjects.Select(s => s.StaffMemberId!.Value).ToHashSet();
        return (main is null ? subjects : subjects.Prepend(main))
            .Where(t => own.All(r => r.StaffMemberId != t.StaffMemberId))
            .Where(t => Teachers(mainRequired, maxSubjectTeachers, t.StaffMemberId is null,
                t.StaffMemberId is { } id ? [.. asked, id] : asked, main is not null, subjectIds, child, hasMain) is null)
            .ToList();
    }

    public static ConversationRequest NewRequest(FamilyRound family, Guid studentId, Guid? teacher, BookingDetails details, bool isDouble,
        Guid userId, DateTime now, bool late) => new()
    {
        SchoolId = family.Round.SchoolId, RoundId = family.Round.Id, StudentId = studentId, HouseholdId = family.HouseholdId,
        GuardianId = family.GuardianId, UserId = userId,
        Kind = teacher is null ? RequestKind.GroupTeacherOrMentor : RequestKind.SubjectTeacher, StaffMemberId = teacher,
        Key = ConversationRequest.KeyFor(family.Round.Id, studentId, family.HouseholdId, teacher), DoubleLength = isDouble,
        Topics = BookingChecks.CleanTopics(details.Topics), TopicAreas = details.Areas & BookingChecks.AllAreas,
        InterpreterLanguage = string.IsNullOrWhiteSpace(details.InterpreterLanguage) ? null : details.InterpreterLanguage.Trim(),
        Mode = details.Mode, Late = late, CreatedAt = now, UpdatedAt = now,
    };
}

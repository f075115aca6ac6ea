using Driehoek.Web.Features.Bookings;
using Driehoek.Web.Features.Rounds;

namespace Driehoek.Web.Features.ParentEvenings;

internal static class RequestValidation
{
    /// <summary>Only the child's own teachers, the group teacher or mentor first when the round includes them, subject teachers up to the cap.</summary>
    public static FieldError? Teachers(ConversationRound round, bool wantsMain, IReadOnlyList<Guid> subjectIds,
        List<StudentTeacher> main, List<StudentTeacher> subjects, string child, bool hasMainAlready)
    {
        if (wantsMain && main.Count == 0)
        {
            return new FieldError("", "Request.NoMainTeacher", child);
        }
        if (subjectIds.Any(id => subjects.All(s => s.StaffMemberId != id)))
        {
            return new FieldError("", "Request.WrongTeacher", child);
        }
        if (subjectIds.Count > 0 && round.Participants.HasFlag(Participants.GroupTeacherOrMentor) && !wantsMain && !hasMainAlready)
        {
            return new FieldError("", "Request.MainRequired", child);
        }
        return subjectIds.Distinct().Count() > round.MaxSubjectTeachers
            ? new FieldError("", "Booking.SubjectCap", round.MaxSubjectTeachers)
            : null;
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

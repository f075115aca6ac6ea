using Driehoek.Web.Features.Organisation;

namespace Driehoek.Web.Features.Rounds;

/// <summary>
/// The yearly conversation cycle as research and practice describe it: a start conversation early in
/// the year (with handover), a progress conversation mid-year, an end conversation with handover to
/// next year. Dates follow the Dutch school year that starts on 1 August.
/// </summary>
public static class RoundDefaults
{
    public sealed record Plan(RoundKind Kind, ConversationForm Form, int Length, int FirstDayOffset, int Days,
        Participants Participants, int MaxSubjectTeachers, bool Handover);

    public static IReadOnlyList<Plan> For(SchoolKind kind) => kind == SchoolKind.Primary
        ?
        [
            // Mid-September: the family, the child and the new teacher meet.
            new(RoundKind.Start, ConversationForm.StartConversation, 15, 42, 19,
                Participants.Parents | Participants.Student | Participants.GroupTeacherOrMentor, 0, true),
            new(RoundKind.Progress, ConversationForm.TenMinute, 10, 186, 12,
                Participants.Parents | Participants.GroupTeacherOrMentor, 0, false),
            new(RoundKind.End, ConversationForm.TenMinute, 10, 318, 12,
                Participants.Parents | Participants.GroupTeacherOrMentor, 0, true),
        ]
        :
        [
            new(RoundKind.Start, ConversationForm.ThreeWay, 15, 45, 19,
                Participants.Parents | Participants.Student | Participants.GroupTeacherOrMentor, 0, true),
            // After the first report: mentor, and subject teachers the family asks for.
            new(RoundKind.Progress, ConversationForm.TenMinute, 10, 122, 12,
                Participants.Parents | Participants.GroupTeacherOrMentor | Participants.SubjectTeachersOnRequest, 3, false),
            new(RoundKind.End, ConversationForm.ThreeWay, 15, 318, 12,
                Participants.Parents | Participants.Student | Participants.GroupTeacherOrMentor, 0, true),
        ];

    /// <summary>Booking opens two weeks before the first day, at 08:00, and closes two days before it.</summary>
    public static (DateTime OpensUtc, DateTime ClosesUtc) BookingWindow(DateOnly firstDay) =>
        (SchoolCalendar.ToUtc(firstDay.AddDays(-14).ToDateTime(new TimeOnly(8, 0))),
         SchoolCalendar.ToUtc(firstDay.AddDays(-2).ToDateTime(new TimeOnly(23, 59))));
}

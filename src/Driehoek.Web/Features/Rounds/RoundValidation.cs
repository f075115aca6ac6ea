using Driehoek.Web.Features.Organisation;

namespace Driehoek.Web.Features.Rounds;

internal static class RoundValidation
{
    public static List<FieldError> Check(RoundInput input, SchoolYear year)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Length > 120)
        {
            errors.Add(new FieldError("Name", "Round.NameRequired"));
        }
        if (input.LengthMinutes is < 5 or > 120 || input.LengthMinutes % 5 != 0)
        {
            errors.Add(new FieldError("LengthMinutes", "Round.LengthInvalid"));
        }
        if (input.LastDay < input.FirstDay)
        {
            errors.Add(new FieldError("LastDay", "Round.DaysReversed"));
        }
        if (input.FirstDay < year.StartsOn || input.LastDay > year.EndsOn)
        {
            errors.Add(new FieldError("FirstDay", "Round.OutsideYear", year.Name));
        }
        if (input.BookingClosesLocal <= input.BookingOpensLocal)
        {
            errors.Add(new FieldError("BookingClosesLocal", "Round.WindowReversed"));
        }
        if (input.BookingClosesLocal > input.LastDay.ToDateTime(new TimeOnly(23, 59)))
        {
            errors.Add(new FieldError("BookingClosesLocal", "Round.ClosesAfterLastDay"));
        }
        if (input.ChangeDeadlineHours is < 0 or > 336)
        {
            errors.Add(new FieldError("ChangeDeadlineHours", "Round.DeadlineInvalid"));
        }
        if (!input.Participants.HasFlag(Participants.GroupTeacherOrMentor) && !input.Participants.HasFlag(Participants.SubjectTeachersOnRequest))
        {
            errors.Add(new FieldError("Participants", "Round.NoTeacher"));
        }
        if (input.Participants.HasFlag(Participants.SubjectTeachersOnRequest) && input.MaxSubjectTeachers is < 1 or > 12)
        {
            errors.Add(new FieldError("MaxSubjectTeachers", "Round.CapInvalid"));
        }
        if (input.GroupIds.Count == 0)
        {
            errors.Add(new FieldError("GroupIds", "Round.NoGroups"));
        }
        return errors;
    }
}

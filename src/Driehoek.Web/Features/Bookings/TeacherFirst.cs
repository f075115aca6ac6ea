using Driehoek.Web.Features.People;

namespace Driehoek.Web.Features.Bookings;

/// <summary>One chosen teacher of one child, as the step-one form sends it: <c>{student}.{teacher}</c>.</summary>
public sealed record TeacherKey(Guid StudentId, Guid StaffMemberId)
{
    public string Value => Format(StudentId, StaffMemberId);

    public static string Format(Guid first, Guid second) => $"{first:N}.{second:N}";

    /// <summary>Two ids as the forms send them; false for anything else (a hand-made URL must not give a 5xx).</summary>
    public static bool TryParse(string? value, out Guid first, out Guid second)
    {
        first = second = Guid.Empty;
        var parts = (value ?? "").Split('.');
        return parts.Length == 2 && Guid.TryParseExact(parts[0], "N", out first) && Guid.TryParseExact(parts[1], "N", out second);
    }
}

/// <summary>A chosen teacher in step two: the free times, and the one the suggested evening takes (null: none fits next to the others).</summary>
public sealed record PickRow(ChildOptions Child, TeacherOptions Teacher, Guid? Suggested)
{
    public DateTime? SuggestedAt => Teacher.Slots.FirstOrDefault(s => s.SlotId == Suggested)?.StartsAt;
}

/// <summary>
/// "Teacher first" for a secondary family (SchoolCloud's way): step one picks the teachers (the mentor or group
/// teacher ticked already, subject teachers up to the round's cap), step two shows only their times with a
/// suggested evening. A primary family (a group teacher per child, or a duo) keeps the plain page: null from <see cref="For"/>.
/// </summary>
public sealed record TeacherFirstView(IReadOnlySet<TeacherKey> Chosen, IReadOnlyList<FieldError> CapErrors, IReadOnlyList<PickRow> Picks,
    IReadOnlyList<PickRow> Full)
{
    public bool ShowTimes => Chosen.Count > 0 && CapErrors.Count == 0;

    /// <summary>Ticked in step one: what the family chose, or before they chose, the main teachers (and a child's only teacher).</summary>
    public bool Ticked(ChildOptions child, TeacherOptions teacher) => Chosen.Count > 0
        ? Chosen.Contains(new TeacherKey(child.StudentId, teacher.StaffMemberId))
        : teacher.Role != StaffRole.SubjectTeacher || child.Teachers.Count == 1;

    /// <summary>Where a family can choose subject teachers; a primary page (a group teacher, or a duo) stays as it was.</summary>
    public static bool Applies(BookingOptions options) => options.Children.Any(c => c.Teachers.Any(t => t.Role == StaffRole.SubjectTeacher));

    /// <summary>Null on a primary page; <paramref name="notTheirs"/> when a choice names a child that is not this family's.</summary>
    public static TeacherFirstView? For(BookingOptions options, IEnumerable<string> values, out bool notTheirs)
    {
        notTheirs = false;
        if (!Applies(options))
        {
            return null;
        }
        var chosen = new HashSet<TeacherKey>();
        foreach (var value in values)
        {
            if (!TeacherKey.TryParse(value, out var studentId, out var staffMemberId))
            {
                continue;
            }
            var child = options.Children.FirstOrDefault(c => c.StudentId == studentId);
            if (child is null)
            {
                notTheirs = true;
                return null;
            }
            if (child.Teachers.Any(t => t.StaffMemberId == staffMemberId))
            {
                chosen.Add(new TeacherKey(studentId, staffMemberId));
            }
        }
        var rows = options.Children.SelectMany(c => c.Teachers
                .Where(t => t.BookingId is null && chosen.Contains(new TeacherKey(c.StudentId, t.StaffMemberId)))
                .Select(t => (Child: c, Teacher: t)))
            .ToList();
        var capErrors = options.Children
            .Where(c => c.Teachers.Count(t => t.Role == StaffRole.SubjectTeacher && (t.BookingId is not null || chosen.Contains(new TeacherKey(c.StudentId, t.StaffMemberId))))
                        > options.MaxSubjectTeachers)
            .Select(c => new FieldError("", "Book.TooManySubjects", options.MaxSubjectTeachers, c.Name))
            .ToList();
        var open = rows.Where(r => r.Teacher.Slots.Count > 0).ToList();
        var suggested = EveningSuggestion.Suggest(
            open.Select(r => (IReadOnlyList<EveningSuggestion.Time>)r.Teacher.Slots.Select(s => new EveningSuggestion.Time(s.SlotId, s.StartsAt, s.EndsAt)).ToList()).ToList(),
            options.Booked.Select(b => (b.StartsAt, b.EndsAt)).ToList());
        var picks = open.Select((r, i) => new PickRow(r.Child, r.Teacher, suggested[i]))
            .OrderBy(p => p.SuggestedAt ?? DateTime.MaxValue).ToList();
        var full = rows.Where(r => r.Teacher.Slots.Count == 0).Select(r => new PickRow(r.Child, r.Teacher, null)).ToList();
        return new TeacherFirstView(chosen, capErrors, picks, full);
    }
}

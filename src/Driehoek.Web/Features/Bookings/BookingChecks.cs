using Driehoek.Web.Features.Rounds;
using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;

namespace Driehoek.Web.Features.Bookings;

/// <summary>The rules a new booking (or a move) must meet, each with its own message.</summary>
public static class BookingChecks
{
    public const TopicAreas AllAreas = TopicAreas.Results | TopicAreas.Wellbeing | TopicAreas.SocialContacts | TopicAreas.ClassroomClimate;

    public static string? CleanTopics(string? topics) => string.IsNullOrWhiteSpace(topics) ? null : topics.Trim();

    /// <summary>
    /// Whether families can book now. Staff acting for a family are not held to the booking window or
    /// the round's mode (in a scheduled round only the school moves meetings).
    /// </summary>
    public static FieldError? Window(ConversationRound round, DateTime now, bool staff = false) =>
        Window(round, now, RoundMode.SelfBooking, "Booking.NotSelfBooking", staff);

    /// <summary>Whether families can act in a round of this mode now (book, or request conversations); <paramref name="wrongModeKey"/> says it is the other mode.</summary>
    public static FieldError? Window(ConversationRound round, DateTime now, RoundMode mode, string wrongModeKey, bool staff = false)
    {
        if (round.Status == RoundStatus.Cancelled)
        {
            return new FieldError("", "Booking.RoundCancelled");
        }
        if (staff)
        {
            return null;
        }
        if (round.Mode != mode)
        {
            return new FieldError("", wrongModeKey);
        }
        if (now < round.BookingOpensAt)
        {
            return new FieldError("", "Booking.NotOpenYet", SchoolCalendar.ToLocal(round.BookingOpensAt).ToString("f"));
        }
        return now > round.BookingClosesAt ? new FieldError("", "Booking.Closed") : null;
    }

    /// <summary>Topics, interpreter and video; <paramref name="videoPossible"/>: the slot (or, for a request, any teacher) offers video, or the round is digital.</summary>
    public static FieldError? Details(BookingDetails details, bool videoPossible)
    {
        if (details.Topics is { Length: > BookingRules.MaxTopicsLength })
        {
            return new FieldError("Topics", "Booking.TopicsTooLong", BookingRules.MaxTopicsLength);
        }
        if (details.InterpreterLanguage is { Length: > 40 })
        {
            return new FieldError("InterpreterLanguage", "Booking.InterpreterTooLong");
        }
        if (details.Mode == MeetingMode.Video && !videoPossible)
        {
            return new FieldError("Mode", "Booking.NoVideo");
        }
        return null;
    }

    /// <summary>
    /// Everything the checks of a new booking (or a move) read, with the round, the slot itself and the names its
    /// notice needs, in one round trip: every family in a booking rush pays for each round trip. Teacher roles
    /// are the ones <see cref="TeachersOfStudent"/> gives (group teacher or mentor before subject teacher).
    /// </summary>
    /// <param name="InRound">The child is in one of the round's groups.</param>
    /// <param name="IsMain">The slot's teacher is a group teacher or mentor of the child in this round (and the round has them).</param>
    /// <param name="IsSubject">The slot's teacher is a subject teacher of the child in this round (and the round allows them).</param>
    /// <param name="BookedSubjects">Subject teachers (that are not also the child's main teacher) the child already has a conversation with in this household.</param>
    /// <param name="WithTeacher">The child already has a conversation with the slot's teacher in this household.</param>
    /// <param name="Taken">Someone holds the slot.</param>
    /// <param name="Clash">The household (or the student) is busy then.</param>
    /// <param name="Waiting">The household is on the slot's teacher's waiting list for this child.</param>
    public sealed record SlotState(ConversationRound Round, Slot Slot, bool InRound, bool IsMain, bool IsSubject, int BookedSubjects, bool WithTeacher,
        bool Taken, bool Clash, bool Waiting, string? TeacherFirstName, string? TeacherPrefix, string? TeacherLastName, string? StudentFirstName, string? SchoolName)
    {
        /// <summary>
        /// The household's guardians with an e-mail address whom the school tells about this child's conversations
        /// (<see cref="FamilyContacts"/>'s rule): the confirmation's recipients.
        /// </summary>
        public IReadOnlyList<GuardianToTell> Told { get; init; } = [];

        public string TeacherName => PersonName.Format(TeacherFirstName ?? "", TeacherPrefix, TeacherLastName ?? "");

        /// <summary>The child's, teacher's, place's and school's names and the recipients, as the confirmation needs them.</summary>
        public BookingNotices.About About => new(StudentFirstName ?? "", TeacherName, Slot.Room, Slot.VideoLink, SchoolName ?? "",
            Told.Select(g => new BookingNotices.Recipient(g.FirstName, g.Email!, Infrastructure.Localization.Cultures.Normalize(g.PreferredLanguage))).ToList());
    }

    public sealed record GuardianToTell(Guid GuardianId, string FirstName, string? Email, string PreferredLanguage);

    private static readonly CompiledPerModel<Func<AppDbContext, Guid, Guid, Guid, Guid, Guid, Guid?, string, string, IAsyncEnumerable<StateRow>>> State = new(() => EF.CompileAsyncQuery(
        (AppDbContext db, Guid slotId, Guid roundId, Guid schoolId, Guid studentId, Guid householdId, Guid? movingBookingId,
            string householdOwner, string studentOwner) => db.Slots.AsNoTracking()
            .Where(s => s.Id == slotId && s.RoundId == roundId)
            .Join(db.Rounds.AsNoTracking().Where(r => r.Id == roundId && r.SchoolId == schoolId), s => s.RoundId, r => r.Id, (s, r) => new { s, r })
            // One row per guardian to tell (FamilyContacts.Of(…, ConversationRounds) for this child and household, spelled out:
            // a compiled query cannot call it), or one row without: the confirmation's recipients come in the same round trip.
            .SelectMany(x => (from link in db.Guardianships
                    where link.SchoolId == schoolId && link.StudentId == studentId
                    join school in db.Schools on link.SchoolId equals school.Id
                    join g in db.Guardians on link.GuardianId equals g.Id
                    where g.BoardId == school.BoardId && g.HouseholdId == householdId && g.Email != null
                          && (link.HasParentalAuthority || (school.LimitedGuardianAccess & LimitedGuardianAccess.ConversationRounds) == LimitedGuardianAccess.ConversationRounds)
                    select g).DefaultIfEmpty(),
                (x, g) => new { x.s, x.r, g })
            // "Teaches the child in this round" is spelled out in each place: EF Core cannot reuse a subquery
            // projected in an earlier Select.
            .Select(x => new StateRow(new SlotState(
                x.r,
                x.s,
                db.RoundGroups.Where(g => g.RoundId == x.r.Id).Join(db.Enrollments, g => g.GroupId, e => e.GroupId, (g, e) => e.StudentId).Any(st => st == studentId),
                x.r.Participants.HasFlag(Participants.GroupTeacherOrMentor)
                    && db.StaffAssignments.Any(a => a.StaffMemberId == x.s.StaffMemberId && (a.Role == StaffRole.GroupTeacher || a.Role == StaffRole.Mentor)
                        && db.Enrollments.Any(e => e.StudentId == studentId && e.SchoolYearId == x.r.SchoolYearId && e.GroupId == a.GroupId && db.RoundGroups.Any(g => g.RoundId == roundId && g.GroupId == e.GroupId))),
                x.r.Participants.HasFlag(Participants.SubjectTeachersOnRequest)
                    && db.StaffAssignments.Any(a => a.StaffMemberId == x.s.StaffMemberId && a.Role == StaffRole.SubjectTeacher
                        && db.Enrollments.Any(e => e.StudentId == studentId && e.SchoolYearId == x.r.SchoolYearId && e.GroupId == a.GroupId && db.RoundGroups.Any(g => g.RoundId == roundId && g.GroupId == e.GroupId))),
                db.Bookings.Count(b => b.RoundId == roundId && b.HouseholdId == householdId && b.StudentId == studentId && b.ActiveSlotId != null && b.Id != movingBookingId
                    && x.r.Participants.HasFlag(Participants.SubjectTeachersOnRequest)
                    && db.StaffAssignments.Any(a => a.StaffMemberId == b.StaffMemberId && a.Role == StaffRole.SubjectTeacher
                        && db.Enrollments.Any(e => e.StudentId == studentId && e.SchoolYearId == x.r.SchoolYearId && e.GroupId == a.GroupId && db.RoundGroups.Any(g => g.RoundId == roundId && g.GroupId == e.GroupId)))
                    && !(x.r.Participants.HasFlag(Participants.GroupTeacherOrMentor)
                        && db.StaffAssignments.Any(a => a.StaffMemberId == b.StaffMemberId && (a.Role == StaffRole.GroupTeacher || a.Role == StaffRole.Mentor)
                            && db.Enrollments.Any(e => e.StudentId == studentId && e.SchoolYearId == x.r.SchoolYearId && e.GroupId == a.GroupId && db.RoundGroups.Any(g => g.RoundId == roundId && g.GroupId == e.GroupId))))),
                db.Bookings.Any(b => b.RoundId == roundId && b.HouseholdId == householdId && b.StudentId == studentId && b.ActiveSlotId != null && b.Id != movingBookingId
                    && b.StaffMemberId == x.s.StaffMemberId),
                db.Bookings.Any(b => b.ActiveSlotId == x.s.Id && b.Id != movingBookingId),
                db.TimeClaims.Any(c => (c.Owner == householdOwner || c.Owner == studentOwner) && c.BookingId != movingBookingId
                                       && c.Cell >= x.s.StartsAt && c.Cell < x.s.EndsAt),
                db.WaitingList.Any(w => w.RoundId == roundId && w.StudentId == studentId && w.HouseholdId == householdId
                                        && w.StaffMemberId == x.s.StaffMemberId && w.ResolvedAt == null),
                db.StaffMembers.Where(m => m.Id == x.s.StaffMemberId).Select(m => m.FirstName).FirstOrDefault(),
                db.StaffMembers.Where(m => m.Id == x.s.StaffMemberId).Select(m => m.LastNamePrefix).FirstOrDefault(),
                db.StaffMembers.Where(m => m.Id == x.s.StaffMemberId).Select(m => m.LastName).FirstOrDefault(),
                db.Students.Where(st => st.Id == studentId).Select(st => st.FirstName).FirstOrDefault(),
                db.Schools.Where(sc => sc.Id == schoolId).Select(sc => sc.Name).FirstOrDefault()),
                x.g == null ? null : new GuardianToTell(x.g.Id, x.g.FirstName, x.g.Email, x.g.PreferredLanguage)))));

    private sealed record StateRow(SlotState State, GuardianToTell? Guardian);

    /// <summary>
    /// The round of the child's school with the slot of it and what the checks need; null when either is not
    /// there. The caller still decides whether the family may book in the round (<see cref="FamilyContext"/>).
    /// </summary>
    public static async Task<SlotState?> StateAsync(AppDbContext db, Guid schoolId, Guid roundId, Guid studentId, Guid householdId, Guid slotId,
        CancellationToken ct, Guid? movingBookingId = null)
    {
        var rows = await State.For(db)(db, slotId, roundId, schoolId, studentId, householdId, movingBookingId, $"h:{householdId:N}", $"s:{studentId:N}").ToListAsync(ct);
        return rows.Count == 0 ? null : rows[0].State with { Told = rows.Where(r => r.Guardian is not null).Select(r => r.Guardian!).DistinctBy(g => g.GuardianId).ToList() };
    }

    public static async Task<FieldError?> ForNewBookingAsync(
        AppDbContext db, FamilyContext family, Slot slot, BookingDetails details, DateTime now, CancellationToken ct, Guid? movingBookingId = null) =>
        (await CheckAsync(db, family, slot, details, now, ct, movingBookingId)).Problem;

    /// <summary><see cref="ForNewBookingAsync"/> with what the checks read (null when the slot or round is gone).</summary>
    public static async Task<(FieldError? Problem, SlotState? State)> CheckAsync(
        AppDbContext db, FamilyContext family, Slot slot, BookingDetails details, DateTime now, CancellationToken ct, Guid? movingBookingId = null)
    {
        var state = await StateAsync(db, family.Round.SchoolId, family.Round.Id, family.StudentId, family.HouseholdId, slot.Id, ct, movingBookingId);
        // A slot the teacher removed in the meantime is as gone as one someone else took.
        return (state is null ? Window(family.Round, now, family.ByStaff) ?? new FieldError("SlotId", "Booking.JustTaken") : ForNewBooking(family, state, details, now, movingBookingId),
            state);
    }

    /// <summary>The rules, in the order their messages are given, over what <see cref="StateAsync"/> read.</summary>
    public static FieldError? ForNewBooking(FamilyContext family, SlotState state, BookingDetails details, DateTime now, Guid? movingBookingId = null)
    {
        var round = family.Round;
        var slot = state.Slot;
        if (Window(round, now, family.ByStaff) is { } closed)
        {
            return closed;
        }
        if (slot.StartsAt <= now)
        {
            return new FieldError("SlotId", "Booking.InThePast");
        }
        if (!state.IsMain && !state.IsSubject)
        {
            return new FieldError("SlotId", "Booking.WrongTeacher");
        }
        if (Details(details, slot.VideoLink is not null || round.Form == ConversationForm.Digital) is { } invalid)
        {
            return invalid;
        }
        if (!state.IsMain && movingBookingId is null && state.BookedSubjects >= round.MaxSubjectTeachers)
        {
            return new FieldError("SlotId", "Booking.SubjectCap", round.MaxSubjectTeachers);
        }
        if (state.WithTeacher)
        {
            return new FieldError("SlotId", "Booking.AlreadyWithTeacher");
        }
        if (state.Taken)
        {
            return new FieldError("SlotId", "Booking.JustTaken");
        }
        return state.Clash ? new FieldError("SlotId", "Booking.Overlaps") : null;
    }
}

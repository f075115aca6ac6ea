namespace Driehoek.Web.Features.Permissions;

/// <summary>How a signed-in person stands to a resource. One person can have several relations to the same resource.</summary>
public enum Relation
{
    /// <summary>Any signed-in account, for the person's own pages (home, account, calendar).</summary>
    SignedIn,
    /// <summary>A parent or carer with parental authority over the student.</summary>
    Guardian,
    /// <summary>A parent or carer without parental authority: takes part only where the school allows it.</summary>
    GuardianWithoutAuthority,
    /// <summary>A guardian of the household a booking belongs to (separated parents each have their own).</summary>
    Household,
    /// <summary>The student themself.</summary>
    Student,
    GroupTeacher,
    Mentor,
    /// <summary>Teaches the student's group a subject.</summary>
    SubjectTeacher,
    /// <summary>The teacher a family booked or asked to meet in this round, or the teacher of this booking.</summary>
    MetTeacher,
    /// <summary>The staff member themself (their own availability, their own day).</summary>
    OwnStaffRecord,
    CareCoordinator,
    /// <summary>A year coordinator; one with a level relates only to that level's groups and students.</summary>
    YearCoordinator,
    /// <summary>A department head; one with a level relates only to that level's groups and students.</summary>
    DepartmentHead,
    SchoolLeader,
    Administrator,
    /// <summary>Any staff member of the school the resource belongs to.</summary>
    StaffOfSchool,
    BoardAdmin,
}

/// <summary>What a resource belongs to: it decides which relations a person can have to it.</summary>
public enum Scope
{
    Self,
    Student,
    Group,
    School,
    Board,
    Booking,
    StaffMember,
}

/// <summary>Everything the access matrix governs. Every page and endpoint names one (see <see cref="AccessRuleAttribute"/>).</summary>
public enum Resource
{
    /// <summary>Open to anyone: signing in, joining with a code, the language switch, error pages, a calendar feed by its secret address.</summary>
    Public,
    /// <summary>The person's own start page and agenda.</summary>
    Home,
    /// <summary>The person's own account: name, language, password, two-step sign-in, calendar subscription.</summary>
    Account,
    /// <summary>A child as their parent sees them: school, group and teachers as far as the school allows.</summary>
    Child,
    /// <summary>A student's record as staff see it: group, guardians and how to reach them.</summary>
    StudentRecord,
    /// <summary>A group's roster.</summary>
    Group,
    /// <summary>A school's overview: groups, staff, reach of accounts.</summary>
    School,
    /// <summary>A board's schools side by side, and the board's own settings.</summary>
    Board,
    /// <summary>A school's settings: who signs in with a second step, whether the care coordinator reads preparations.</summary>
    SchoolSettings,
    /// <summary>Roster imports of a school.</summary>
    RosterImport,
    /// <summary>Invitations to create an account, for a school's parents and staff.</summary>
    AccountInvitations,
    /// <summary>A school's conversation rounds: the year plan and each round's settings.</summary>
    Rounds,
    /// <summary>A school's own wording of the invitations per form and language.</summary>
    InvitationTexts,
    /// <summary>Who was invited to a round and sending the missing invitations.</summary>
    RoundInvitations,
    /// <summary>Printable letters for a group's families without e-mail.</summary>
    Letters,
    /// <summary>A round's invitation as a family reads it.</summary>
    FamilyInvitation,
    /// <summary>What a parent or the student prepares for the conversation.</summary>
    FamilyPreparation,
    /// <summary>A student's preparations as staff read them, and the teacher's own preparation.</summary>
    StaffPreparation,
    /// <summary>Per group: who has prepared.</summary>
    Preparations,
    /// <summary>Booking a time for a child (slots, the waiting list).</summary>
    FamilyBooking,
    /// <summary>One booking: its time, topics and interpreter; moving and cancelling it.</summary>
    Booking,
    /// <summary>A family's requests for a parent evening that is scheduled for them.</summary>
    EveningRequests,
    /// <summary>A family's scheduled timetable of a parent evening.</summary>
    Timetable,
    /// <summary>A teacher's times for a round.</summary>
    Availability,
    /// <summary>Sessions, scheduler runs and publishing a parent evening schedule.</summary>
    Schedule,
    /// <summary>A teacher's conversations of one day, with the families' topics and preparation.</summary>
    DayList,
    /// <summary>Recording whether a conversation was held.</summary>
    Outcome,
    /// <summary>Per group: which families booked, came, or were reminded.</summary>
    RoundOverview,
    /// <summary>A teacher's must-see families of a round, with the reason for staff (issue 10).</summary>
    MustSee,
    /// <summary>A round's interpreters and their meetings (issue 10).</summary>
    Interpreters,
    // Agreements (issue 11, item 4)
    /// <summary>A student's agreements as staff keep them: recording, editing, marking done or dropped.</summary>
    Agreements,
    /// <summary>A student's agreements as the family reads them: confirming and reacting.</summary>
    FamilyAgreements,
    // Records (issue 11)
    /// <summary>The record of a held conversation: its agenda, what was said, the summary shared with the family.</summary>
    ConversationRecord,
    /// <summary>A school's own agenda per conversation form.</summary>
    AgendaTemplates,
    /// <summary>Notes on a student, each shared with the family, staff-only or care-only.</summary>
    StudentNotes,
    /// <summary>What the school shares with the family: shared notes and the summaries of their conversations.</summary>
    SharedWithFamily,
    /// <summary>The student's guide to their own three-way conversation.</summary>
    ConversationGuide,
    /// <summary>A student's conversations outside the rounds as staff plan and follow them.</summary>
    PlannedConversations,
    /// <summary>A child's conversations outside the rounds as the family sees them: invitations to answer, requests to make.</summary>
    FamilyConversations,
    /// <summary>A staff member's list of conversations and requests outside the rounds, and replying to a request.</summary>
    StaffConversations,
    // Feedback after a conversation (issue 11, item 6)
    /// <summary>One's own tops and tips on a held conversation one took part in.</summary>
    ConversationFeedback,
    /// <summary>A school's feedback totals per conversation form and per round: counts and averages, never the free text.</summary>
    FeedbackTotals,
    // The student's place at the table (issue 11, item 3)
    /// <summary>A parent's own answer whether their child takes part in a three-way conversation.</summary>
    FamilyTakingPart,
    /// <summary>The school's decision that a child does not take part in a three-way conversation, with its staff-only reason.</summary>
    TakingPartDecision,
    // A student's timeline (issue 12, item 3)
    /// <summary>A student's conversations, agreements, notes and bookings across the school years, as staff read them.</summary>
    StudentTimeline,
    /// <summary>A child's conversations, agreements, shared notes and bookings across the school years, as the family reads them.</summary>
    FamilyTimeline,
    // Coverage of the conversation cycle (issue 12, item 4)
    /// <summary>A school's coverage of the year's start, progress and end rounds: per group and home language, in counts.</summary>
    CycleCoverage,
    /// <summary>One group's coverage: each family's state per round and the follow-up of families not reached.</summary>
    GroupCoverage,
    // The contact log and concerns (issue 13, items 1 and 3)
    /// <summary>A student's contact log: contacts logged by staff, the family's news, held conversations, calls, concerns and replies.</summary>
    ContactLog,
    /// <summary>A staff member's own contacts page: the families of their groups not reached this year, concerns waiting, colleagues' contacts.</summary>
    MyContacts,
    /// <summary>A student's concerns as the mentor (and for sensitive ones the care coordinator) read and answer them.</summary>
    Concerns,
    /// <summary>A child's concerns and news as the family raises and follows them.</summary>
    FamilyConcerns,
    // Year rollover (issue 12, item 1)
    /// <summary>A school's move into the next school year (preview, confirmation) and how long last year's teachers still read last year.</summary>
    Rollover,
    // Handover to next year's teacher (issue 12, item 2)
    /// <summary>A student's handover of one school year: compiled, reviewed and released by this year's teacher, read by next year's.</summary>
    Handover,
    /// <summary>What was handed over about a child, as the family reads it and adds to it.</summary>
    FamilyHandover,
    // Report grades and the tasks the contact rules make (issue 13, items 2, 4 and 5)
    /// <summary>Report-grade imports of a school: preview and commit.</summary>
    GradeImport,
    /// <summary>A staff member's tasks (overdue, today, later, informed, done), marking them done, their quiet hours.</summary>
    StaffTasks,
    /// <summary>The tasks about one student.</summary>
    StudentTasks,
    /// <summary>Who is behind with their tasks and which families were not contacted, per school.</summary>
    TaskOversight,
}

public enum Act
{
    View,
    Change,
}

/// <summary>
/// A cell's answer: yes, no, or yes where the school's setting allows it — for a parent without parental
/// authority <c>School.LimitedGuardianAccess</c> (conversation rounds), for the care coordinator
/// <c>School.CareCoordinatorReadsPreparations</c> (reading only).
/// </summary>
public enum Grant
{
    No,
    Yes,
    IfSchoolAllows,
}

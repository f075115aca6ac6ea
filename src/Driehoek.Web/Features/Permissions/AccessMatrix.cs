using System.Text;

namespace Driehoek.Web.Features.Permissions;

/// <summary>One row of the matrix: who may do <see cref="Act"/> to <see cref="Resource"/>.</summary>
public sealed record AccessRow(Resource Resource, Scope Scope, Act Act, IReadOnlySet<Relation> Allowed, IReadOnlySet<Relation> IfSchoolAllows, string Note);

/// <summary>
/// The access matrix: relation × resource × act → allowed. It is the rule every handler asks (through
/// <see cref="Access"/>) and the table a test walks cell by cell over HTTP. A relation not named in a
/// row is refused. Need to know: a teacher reaches what they need for the families they meet.
/// </summary>
public static class AccessMatrix
{
    private static readonly Relation[] GroupLeads = [Relation.GroupTeacher, Relation.Mentor];
    private static readonly Relation[] GroupStaff = [Relation.GroupTeacher, Relation.Mentor, Relation.SubjectTeacher];
    private static readonly Relation[] SchoolWide =
        [Relation.CareCoordinator, Relation.YearCoordinator, Relation.DepartmentHead, Relation.SchoolLeader, Relation.Administrator];
    private static readonly Relation[] Leaders = [Relation.SchoolLeader, Relation.Administrator];
    private static readonly Relation[] Managers = [Relation.SchoolLeader, Relation.Administrator, Relation.BoardAdmin];
    private static readonly Relation[] Family = [Relation.Guardian, Relation.Student];

    public static readonly IReadOnlyList<AccessRow> Rows =
    [
        Row(Resource.Home, Scope.Self, Act.View, [Relation.SignedIn], note: "each person's own start page"),
        Row(Resource.Account, Scope.Self, Act.View, [Relation.SignedIn]),
        Row(Resource.Account, Scope.Self, Act.Change, [Relation.SignedIn]),
        Row(Resource.Child, Scope.Student, Act.View, [Relation.Guardian, Relation.GuardianWithoutAuthority, Relation.Student],
            note: "without authority: the school decides whether group and teachers are shown"),
        Row(Resource.StudentRecord, Scope.Student, Act.View, [.. GroupStaff, .. SchoolWide, Relation.BoardAdmin]),
        Row(Resource.Group, Scope.Group, Act.View, [.. GroupStaff, .. SchoolWide, Relation.BoardAdmin]),
        Row(Resource.School, Scope.School, Act.View, [.. SchoolWide, Relation.BoardAdmin],
            note: "a year coordinator or department head with a level sees that level's groups"),
        Row(Resource.Board, Scope.Board, Act.View, [Relation.BoardAdmin]),
        Row(Resource.Board, Scope.Board, Act.Change, [Relation.BoardAdmin], note: "the board's settings; audit-logged"),
        Row(Resource.SchoolSettings, Scope.School, Act.View, Managers),
        Row(Resource.SchoolSettings, Scope.School, Act.Change, Managers, note: "audit-logged"),
        Row(Resource.RosterImport, Scope.School, Act.View, Managers),
        Row(Resource.RosterImport, Scope.School, Act.Change, Managers),
        Row(Resource.AccountInvitations, Scope.School, Act.View, Managers),
        Row(Resource.AccountInvitations, Scope.School, Act.Change, Managers),
        Row(Resource.Rounds, Scope.School, Act.View, [Relation.StaffOfSchool, Relation.BoardAdmin]),
        Row(Resource.Rounds, Scope.School, Act.Change, Managers),
        Row(Resource.InvitationTexts, Scope.School, Act.View, Managers),
        Row(Resource.InvitationTexts, Scope.School, Act.Change, Managers),
        Row(Resource.RoundInvitations, Scope.School, Act.View, Managers),
        Row(Resource.RoundInvitations, Scope.School, Act.Change, Managers),
        Row(Resource.Letters, Scope.Group, Act.View, [.. GroupLeads, .. Managers]),
        Row(Resource.Letters, Scope.School, Act.Change, Managers, note: "marking letters printed"),
        Row(Resource.FamilyInvitation, Scope.Student, Act.View, Family, ifSchoolAllows: [Relation.GuardianWithoutAuthority]),
        Row(Resource.FamilyPreparation, Scope.Student, Act.View, Family, ifSchoolAllows: [Relation.GuardianWithoutAuthority]),
        Row(Resource.FamilyPreparation, Scope.Student, Act.Change, Family, ifSchoolAllows: [Relation.GuardianWithoutAuthority]),
        Row(Resource.StaffPreparation, Scope.Student, Act.View, [.. GroupLeads, Relation.MetTeacher, .. Leaders],
            ifSchoolAllows: [Relation.CareCoordinator], note: "audit-logged"),
        Row(Resource.StaffPreparation, Scope.Student, Act.Change, [.. GroupLeads, Relation.MetTeacher, .. Leaders]),
        Row(Resource.Preparations, Scope.Group, Act.View, [.. GroupStaff, .. Leaders],
            ifSchoolAllows: [Relation.CareCoordinator], note: "a subject teacher sees the families who chose to meet them"),
        Row(Resource.FamilyBooking, Scope.Student, Act.View, [Relation.Guardian], ifSchoolAllows: [Relation.GuardianWithoutAuthority]),
        Row(Resource.FamilyBooking, Scope.Student, Act.Change, [Relation.Guardian], ifSchoolAllows: [Relation.GuardianWithoutAuthority]),
        Row(Resource.Booking, Scope.Booking, Act.View, [Relation.Household, Relation.MetTeacher, .. Leaders],
            ifSchoolAllows: [Relation.CareCoordinator], note: "topics read by staff are audit-logged"),
        Row(Resource.Booking, Scope.Booking, Act.Change, [Relation.Household, Relation.MetTeacher, .. Leaders]),
        Row(Resource.EveningRequests, Scope.Student, Act.View, [Relation.Guardian], ifSchoolAllows: [Relation.GuardianWithoutAuthority]),
        Row(Resource.EveningRequests, Scope.Student, Act.Change, [Relation.Guardian], ifSchoolAllows: [Relation.GuardianWithoutAuthority]),
        Row(Resource.Timetable, Scope.Student, Act.View, [Relation.Guardian], ifSchoolAllows: [Relation.GuardianWithoutAuthority]),
        Row(Resource.Availability, Scope.StaffMember, Act.View, [Relation.OwnStaffRecord, .. Managers]),
        Row(Resource.Availability, Scope.StaffMember, Act.Change, [Relation.OwnStaffRecord, .. Managers]),
        Row(Resource.Schedule, Scope.School, Act.View, Managers),
        Row(Resource.Schedule, Scope.School, Act.Change, Managers),
        Row(Resource.DayList, Scope.StaffMember, Act.View, [Relation.OwnStaffRecord, .. Leaders], note: "audit-logged per student"),
        Row(Resource.Outcome, Scope.Booking, Act.Change, [Relation.MetTeacher, .. Leaders]),
        Row(Resource.RoundOverview, Scope.Group, Act.View, [.. GroupStaff, .. SchoolWide, Relation.BoardAdmin]),
        // Must-see families (issue 10): the teacher's own list; a leader's for any teacher of the school.
        Row(Resource.MustSee, Scope.StaffMember, Act.View, [Relation.OwnStaffRecord, .. Leaders], note: "the reason is for staff only"),
        Row(Resource.MustSee, Scope.StaffMember, Act.Change, [Relation.OwnStaffRecord, .. Leaders], note: "marking sends the family a personal invitation once"),
        // Interpreters (issue 10): a leader arranges them per round.
        Row(Resource.Interpreters, Scope.School, Act.View, Managers),
        Row(Resource.Interpreters, Scope.School, Act.Change, Managers, note: "one interpreter is never at two meetings at once"),
        // Agreements (issue 11, item 4): the teachers who lead the group or met the family, and the school-wide roles.
        Row(Resource.Agreements, Scope.Student, Act.View, [.. GroupLeads, Relation.MetTeacher, .. SchoolWide]),
        Row(Resource.Agreements, Scope.Student, Act.Change, [.. GroupLeads, Relation.MetTeacher, .. Leaders]),
        Row(Resource.FamilyAgreements, Scope.Student, Act.View, Family, ifSchoolAllows: [Relation.GuardianWithoutAuthority],
            note: "without authority: where the school shares conversation outcomes; students where the school shows them"),
        Row(Resource.FamilyAgreements, Scope.Student, Act.Change, Family, ifSchoolAllows: [Relation.GuardianWithoutAuthority],
            note: "confirming and reacting"),
        // Records (issue 11): a subject teacher reaches only the conversations they held.
        Row(Resource.ConversationRecord, Scope.Booking, Act.View, [Relation.MetTeacher, .. Leaders], ifSchoolAllows: [Relation.CareCoordinator],
            note: "audit-logged"),
        Row(Resource.ConversationRecord, Scope.Booking, Act.Change, [Relation.MetTeacher, .. Leaders]),
        Row(Resource.AgendaTemplates, Scope.School, Act.View, Managers),
        Row(Resource.AgendaTemplates, Scope.School, Act.Change, Managers),
        Row(Resource.StudentNotes, Scope.Student, Act.View, [.. GroupLeads, Relation.CareCoordinator, .. Leaders],
            note: "care-only notes: the care coordinator, group teacher and mentor; reading a staff-only or care note is audit-logged"),
        Row(Resource.StudentNotes, Scope.Student, Act.Change, [.. GroupLeads, Relation.CareCoordinator, .. Leaders]),
        Row(Resource.SharedWithFamily, Scope.Student, Act.View, Family, ifSchoolAllows: [Relation.GuardianWithoutAuthority],
            note: "shared notes and summaries only; without authority where the school allows conversation outcomes"),
        Row(Resource.ConversationGuide, Scope.Booking, Act.View, [Relation.Household, Relation.Student]),
        // Conversations outside the rounds (Features/Conversations).
        Row(Resource.PlannedConversations, Scope.Student, Act.View, [.. GroupLeads, Relation.CareCoordinator, .. Leaders],
            note: "a staff member taking part sees that conversation on their own list"),
        Row(Resource.PlannedConversations, Scope.Student, Act.Change, [.. GroupLeads, Relation.CareCoordinator, .. Leaders]),
        Row(Resource.FamilyConversations, Scope.Student, Act.View, Family, ifSchoolAllows: [Relation.GuardianWithoutAuthority],
            note: "the student sees their own requests; invitations are for guardians"),
        Row(Resource.FamilyConversations, Scope.Student, Act.Change, Family, ifSchoolAllows: [Relation.GuardianWithoutAuthority],
            note: "asking for a conversation; only guardians answer an invitation"),
        Row(Resource.StaffConversations, Scope.School, Act.View, [Relation.StaffOfSchool],
            note: "each their own; the care coordinator and leaders the school's"),
        Row(Resource.StaffConversations, Scope.School, Act.Change, [Relation.StaffOfSchool],
            note: "replying to a request: whoever may plan for the student"),
        // Feedback after a conversation (issue 11, item 6): those who took part give their own; the record's readers see it on the record.
        Row(Resource.ConversationFeedback, Scope.Booking, Act.View, [Relation.Household, Relation.Student, Relation.MetTeacher],
            note: "one's own; the student only after taking part"),
        Row(Resource.ConversationFeedback, Scope.Booking, Act.Change, [Relation.Household, Relation.Student, Relation.MetTeacher],
            note: "once held, until 14 days after"),
        Row(Resource.FeedbackTotals, Scope.School, Act.View, Managers, note: "counts and averages only, never the free text"),
        // The student's place at the table (issue 11, item 3): permission is a matter of parental authority.
        Row(Resource.FamilyTakingPart, Scope.Student, Act.View, [Relation.Guardian], note: "each guardian's own answer"),
        Row(Resource.FamilyTakingPart, Scope.Student, Act.Change, [Relation.Guardian], note: "a no from either parent wins"),
        Row(Resource.TakingPartDecision, Scope.Student, Act.View, [.. GroupLeads, .. Leaders],
            note: "the reason is for staff only; the family reads that the school decided"),
        Row(Resource.TakingPartDecision, Scope.Student, Act.Change, [.. GroupLeads, .. Leaders]),
        // A student's timeline (issue 12, item 3): each item as its own page would show it to the reader.
        Row(Resource.StudentTimeline, Scope.Student, Act.View, [.. GroupLeads, Relation.CareCoordinator, .. Leaders],
            note: "notes, agreements and conversations as their own rows allow; reading a staff-only or care note is audit-logged"),
        Row(Resource.FamilyTimeline, Scope.Student, Act.View, Family, ifSchoolAllows: [Relation.GuardianWithoutAuthority],
            note: "never a staff-only or care note; without authority only the kinds the school shares"),
        // Coverage of the conversation cycle (issue 12, item 4): the school's figures for those who answer for the school;
        // a group's families also for the teacher who leads that group (need to know: their own groups only).
        Row(Resource.CycleCoverage, Scope.School, Act.View, [Relation.CareCoordinator, .. Managers], note: "counts per group and home language"),
        Row(Resource.GroupCoverage, Scope.Group, Act.View, [.. GroupLeads, Relation.CareCoordinator, .. Managers],
            note: "families not reached, with their language; follow-up through the pages that already do it"),
        Row(Resource.GroupCoverage, Scope.Group, Act.Change, [.. GroupLeads, Relation.CareCoordinator, .. Leaders], note: "logging a call to a family"),
        // The contact log and concerns (issue 13, items 1 and 3): every teacher of the student logs their contacts; concerns are need to know.
        Row(Resource.ContactLog, Scope.Student, Act.View, [.. GroupStaff, .. SchoolWide],
            note: "a subject teacher reads only their own contacts; concerns in it as the Concerns row and its rule allow (audit-logged)"),
        Row(Resource.ContactLog, Scope.Student, Act.Change, [.. GroupStaff, .. SchoolWide],
            note: "logging a contact; one by someone who does not lead the group informs its mentor or group teacher"),
        Row(Resource.MyContacts, Scope.School, Act.View, [Relation.StaffOfSchool],
            note: "each their own groups' families; the care coordinator also the school's sensitive concerns"),
        Row(Resource.Concerns, Scope.Student, Act.View, [.. GroupLeads, Relation.CareCoordinator],
            note: "the care coordinator only the sensitive ones (bullying, something at home); every concern read is audit-logged"),
        Row(Resource.Concerns, Scope.Student, Act.Change, [.. GroupLeads, Relation.CareCoordinator], note: "taking on and answering, as reading"),
        Row(Resource.FamilyConcerns, Scope.Student, Act.View, Family, note: "each their own concerns and news; a student's are not shown to the parents"),
        Row(Resource.FamilyConcerns, Scope.Student, Act.Change, Family, note: "raising a concern, telling the school about something outside school"),
        // Year rollover (issue 12, item 1): those who answer for the school; a board admin rolls the board's schools over one by one.
        Row(Resource.Rollover, Scope.School, Act.View, Managers, note: "the preview names the students who leave"),
        Row(Resource.Rollover, Scope.School, Act.Change, Managers,
            note: "all or nothing, once per year; also the days last year's teachers still read last year; audit-logged"),
        // Handover to next year's teacher (issue 12, item 2): a group lead of the year handed over or of the year after, never another year's.
        Row(Resource.Handover, Scope.Student, Act.View, [.. GroupLeads, Relation.CareCoordinator, .. Leaders],
            note: "this year's teacher or mentor, and next year's once released; care items only to the care coordinator; audit-logged"),
        Row(Resource.Handover, Scope.Student, Act.Change, [.. GroupLeads, .. Leaders],
            note: "compiling, choosing what goes over, releasing: the teacher or mentor of the year handed over"),
        Row(Resource.FamilyHandover, Scope.Student, Act.View, Family,
            note: "parents with parental authority; the student from the age the school sets; released, shared items only"),
        Row(Resource.FamilyHandover, Scope.Student, Act.Change, Family, note: "adding a short line"),
        // Report grades and tasks (issue 13): a task list is its owner's; those who support staff read it, leaders may also
        // mark a task done; a subject teacher reads a student's tasks of their own subjects only.
        Row(Resource.GradeImport, Scope.School, Act.View, Managers),
        Row(Resource.GradeImport, Scope.School, Act.Change, Managers, note: "all or nothing; the rules make tasks once per occurrence"),
        Row(Resource.StaffTasks, Scope.StaffMember, Act.View, [Relation.OwnStaffRecord, Relation.YearCoordinator, Relation.DepartmentHead, .. Leaders]),
        Row(Resource.StaffTasks, Scope.StaffMember, Act.Change, [Relation.OwnStaffRecord, .. Leaders], note: "marking done; quiet hours"),
        Row(Resource.StudentTasks, Scope.Student, Act.View, [.. GroupStaff, .. SchoolWide],
            note: "a subject teacher sees the tasks of the subjects they teach the group"),
        Row(Resource.TaskOversight, Scope.School, Act.View, [Relation.YearCoordinator, Relation.DepartmentHead, .. Leaders],
            note: "one with a level sees that level's groups"),
    ];

    /// <summary>
    /// Which school setting opens a cell for a parent without parental authority: what a conversation produced
    /// (<c>ConversationOutcomes</c>) for the resources that carry it, else taking part in the rounds.
    /// </summary>
    public static Organisation.LimitedGuardianAccess GuardianPurposeOf(Resource resource) => resource switch
    {
        Resource.FamilyAgreements => Organisation.LimitedGuardianAccess.ConversationOutcomes,
        _ => Organisation.LimitedGuardianAccess.ConversationRounds,
    };

    private static readonly Dictionary<(Resource, Act), AccessRow> ByCell = Rows.ToDictionary(r => (r.Resource, r.Act));

    public static AccessRow RowOf(Resource resource, Act act) =>
        ByCell.TryGetValue((resource, act), out var row) ? row
            : throw new InvalidOperationException($"The access matrix has no row for {act} {resource}.");

    public static bool Has(Resource resource, Act act) => ByCell.ContainsKey((resource, act));

    /// <summary>The cell's answer for someone with these relations to the resource: the widest one counts.</summary>
    public static Grant Decide(Resource resource, Act act, IReadOnlySet<Relation> relations)
    {
        var row = RowOf(resource, act);
        if (row.Allowed.Overlaps(relations))
        {
            return Grant.Yes;
        }
        return row.IfSchoolAllows.Overlaps(relations) ? Grant.IfSchoolAllows : Grant.No;
    }

    public static bool Allows(Resource resource, Act act, IReadOnlySet<Relation> relations) =>
        Decide(resource, act, relations) == Grant.Yes;

    /// <summary>The matrix as a Markdown table, for docs/security.md (a test keeps the document equal to it).</summary>
    public static string ToMarkdown()
    {
        var relations = Enum.GetValues<Relation>();
        var text = new StringBuilder();
        text.Append("| resource | act | ").AppendJoin(" | ", relations.Select(Short)).AppendLine(" | note |");
        text.Append("|---|---|").Append(string.Concat(relations.Select(_ => ":-:|"))).AppendLine("---|");
        foreach (var row in Rows)
        {
            text.Append($"| {row.Resource} | {row.Act} | ")
                .AppendJoin(" | ", relations.Select(r => row.Allowed.Contains(r) ? "✔" : row.IfSchoolAllows.Contains(r) ? "(✔)" : ""))
                .AppendLine($" | {row.Note} |");
        }
        return text.ToString();
    }

    /// <summary>Column headings short enough for a readable table; the legend in docs/security.md spells them out.</summary>
    public static string Short(Relation relation) => relation switch
    {
        Relation.SignedIn => "any",
        Relation.Guardian => "par",
        Relation.GuardianWithoutAuthority => "par−",
        Relation.Household => "hh",
        Relation.Student => "stu",
        Relation.GroupTeacher => "gt",
        Relation.Mentor => "men",
        Relation.SubjectTeacher => "sub",
        Relation.MetTeacher => "met",
        Relation.OwnStaffRecord => "own",
        Relation.CareCoordinator => "care",
        Relation.YearCoordinator => "year",
        Relation.DepartmentHead => "dept",
        Relation.SchoolLeader => "lead",
        Relation.Administrator => "adm",
        Relation.StaffOfSchool => "staff",
        Relation.BoardAdmin => "board",
        _ => relation.ToString(),
    };

    private static AccessRow Row(Resource resource, Scope scope, Act act, Relation[] allowed, Relation[]? ifSchoolAllows = null, string note = "") =>
        new(resource, scope, act, allowed.ToHashSet(), (ifSchoolAllows ?? []).ToHashSet(), note);
}

/// <summary>
/// Names the resource of the access matrix a page or endpoint serves. Every endpoint carries one (a test
/// fails on any that does not), so no page ships without its rows in the matrix.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class AccessRuleAttribute(Resource resource) : Attribute
{
    public Resource Resource { get; } = resource;
}

public static class AccessRuleEndpoints
{
    /// <summary>Marks a minimal-API endpoint with the matrix resource it serves.</summary>
    public static TBuilder Serves<TBuilder>(this TBuilder builder, Resource resource) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AccessRuleAttribute(resource));
}

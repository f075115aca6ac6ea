using System.Net;
using System.Text;
using Driehoek.Web.Features.Bookings;
using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;
using Driehoek.Web.Features.Permissions;
using Driehoek.Web.Features.Rounds;
using Driehoek.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Driehoek.Tests.Security;

/// <summary>Who tries: one persona per relation the matrix knows, all at school A of board X.</summary>
public enum Persona
{
    Anonymous,
    Parent,
    ParentWithoutAuthority,
    Student,
    GroupTeacher,
    Mentor,
    SubjectTeacher,
    CareCoordinator,
    YearCoordinator,
    DepartmentHead,
    SchoolLeader,
    Administrator,
    BoardAdmin,
}

/// <summary>How one row is tried on one target: the request, and (rarely) how to tell allowed from refused when the status does not.</summary>
internal sealed record Probe(Func<MatrixWorld, string, string, HttpRequestMessage> Request,
    Func<MatrixWorld, string, HttpResponseMessage, string, bool>? Allowed = null, string[]? Targets = null);

internal static class Probes
{
    private static HttpRequestMessage Get(string url) => new(HttpMethod.Get, url);

    private static HttpRequestMessage Json(HttpMethod method, string url, string json) =>
        new(method, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    private static HttpRequestMessage Form(string url, string token, params (string Key, string Value)[] fields) =>
        new(HttpMethod.Post, url)
        {
            Content = new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Key, f.Value))
                .Append(KeyValuePair.Create("__RequestVerificationToken", token))),
        };

    private static readonly Dictionary<(Resource, Act), Probe> All = new()
    {
        [(Resource.Home, Act.View)] = new((_, _, _) => Get("/api/v1/me")),
        [(Resource.Account, Act.View)] = new((_, _, _) => Get("/account")),
        [(Resource.Account, Act.Change)] = new((_, _, _) => Json(HttpMethod.Post, "/api/v1/account/calendar-feed", "{\"replace\":false}")),
        [(Resource.Child, Act.View)] = new((w, t, _) => Get($"/api/v1/children/{w.Student(t)}")),
        [(Resource.StudentRecord, Act.View)] = new((w, t, _) => Get($"/api/v1/students/{w.Student(t)}")),
        [(Resource.Group, Act.View)] = new((w, t, _) => Get($"/api/v1/groups/{w.Group(t)}")),
        [(Resource.School, Act.View)] = new((w, t, _) => Get($"/api/v1/schools/{w.School(t)}")),
        [(Resource.Board, Act.View)] = new((w, t, _) => Get($"/api/v1/boards/{w.Board(t)}")),
        [(Resource.Board, Act.Change)] = new((w, t, token) => Form($"/board/{w.Board(t)}", token, ("twoFactorForAdmins", "true"))),
        [(Resource.SchoolSettings, Act.View)] = new((w, t, _) => Get($"/school/{w.School(t)}/settings")),
        // The school's defaults, saved again: whoever may change them does; nothing else changes.
        [(Resource.SchoolSettings, Act.Change)] = new((w, t, token) => Form($"/school/{w.School(t)}/settings", token,
            ("twoFactorRoles", "CareCoordinator"), ("twoFactorRoles", "SchoolLeader"), ("twoFactorRoles", "Administrator"),
            ("careCoordinatorReadsPreparations", "false"))),
        [(Resource.RosterImport, Act.View)] = new((w, t, _) => Get($"/school/{w.School(t)}/import")),
        [(Resource.RosterImport, Act.Change)] = new((w, t, token) => Form($"/school/{w.School(t)}/import", token)),
        [(Resource.AccountInvitations, Act.View)] = new((w, t, _) => Get($"/school/{w.School(t)}/invitations")),
        [(Resource.AccountInvitations, Act.Change)] = new((w, t, token) => Form($"/school/{w.School(t)}/invitations", token, ("kind", "Guardian"))),
        [(Resource.Rounds, Act.View)] = new((w, t, _) => Get($"/api/v1/schools/{w.School(t)}/rounds")),
        [(Resource.Rounds, Act.Change)] = new((w, t, _) => Get($"/school/{w.School(t)}/rounds/edit")),
        [(Resource.InvitationTexts, Act.View)] = new((w, t, _) => Get($"/school/{w.School(t)}/invitation-texts")),
        [(Resource.InvitationTexts, Act.Change)] = new((w, t, token) =>
            Form($"/school/{w.School(t)}/invitation-texts/TenMinute/nl", token, ("subject", ""), ("body", ""))),
        [(Resource.RoundInvitations, Act.View)] = new((w, t, _) => Get($"/rounds/{w.RoundOfSchool(t)}/invitations")),
        [(Resource.RoundInvitations, Act.Change)] = new((w, t, _) => Json(HttpMethod.Post, $"/api/v1/rounds/{w.RoundOfSchool(t)}/invitations/send-missing", "{}")),
        [(Resource.Letters, Act.View)] = new((w, t, _) => Get($"/rounds/{w.RoundOfGroup(t)}/letters?group={w.Group(t)}")),
        [(Resource.Letters, Act.Change)] = new((w, t, token) => Form($"/rounds/{w.RoundOfSchool(t)}/letters?handler=Printed", token, ("sure", "true"), ("ids", Guid.NewGuid().ToString()))),
        [(Resource.FamilyInvitation, Act.View)] = new((w, t, _) => Get($"/rounds/{w.RoundOfStudent(t)}/invitation?student={w.Student(t)}")),
        [(Resource.FamilyPreparation, Act.View)] = new((w, t, _) => Get($"/api/v1/rounds/{w.RoundOfStudent(t)}/preparation?student={w.Student(t)}")),
        [(Resource.FamilyPreparation, Act.Change)] = new((w, t, _) =>
            Json(HttpMethod.Put, $"/api/v1/rounds/{w.RoundOfStudent(t)}/preparation?student={w.Student(t)}", $"{{\"answers\":[],\"version\":\"{Guid.NewGuid()}\"}}")),
        [(Resource.StaffPreparation, Act.View)] = new((w, t, _) => Get($"/rounds/{w.RoundOfStudent(t)}/prepare/{w.Student(t)}")),
        [(Resource.StaffPreparation, Act.Change)] = new((w, t, token) =>
            Form($"/rounds/{w.RoundOfStudent(t)}/prepare/{w.Student(t)}", token, ("version", Guid.NewGuid().ToString()))),
        [(Resource.Preparations, Act.View)] = new((w, t, _) => Get($"/rounds/{w.RoundOfGroup(t)}/preparations?group={w.Group(t)}")),
        [(Resource.FamilyBooking, Act.View)] = new((w, t, _) => Get($"/rounds/{w.RoundOfStudent(t)}/book/{w.FreeSlotFor(t)}?student={w.Student(t)}")),
        [(Resource.FamilyBooking, Act.Change)] = new((w, t, _) => Json(HttpMethod.Post, $"/api/v1/rounds/{w.RoundOfStudent(t)}/bookings",
            $"{{\"studentId\":\"{w.Student(t)}\",\"slotId\":\"{w.TakenSlotFor(t)}\",\"areas\":1}}")),
        [(Resource.Booking, Act.View)] = new((w, t, _) => Get($"/api/v1/bookings/{w.Booking(t)}")),
        // Moving with a stale version: whoever may move it hears "changed by someone else"; nothing moves.
        [(Resource.Booking, Act.Change)] = new((w, t, _) => Json(HttpMethod.Post, $"/api/v1/bookings/{w.Booking(t)}/move",
            $"{{\"slotId\":\"{w.SpareSlotOf(t)}\",\"version\":\"{Guid.NewGuid()}\"}}")),
        // The request form and the timetable are the household's own, for all its children in the round: no
        // address names another family's child, so the targets are the family's own round and another school's.
        [(Resource.EveningRequests, Act.View)] = new((w, t, _) => Get($"/api/v1/rounds/{w.RoundOfStudent(t)}/requests"), Targets: ["C1", "C4"]),
        [(Resource.EveningRequests, Act.Change)] = new((w, t, _) => Json(HttpMethod.Put, $"/api/v1/rounds/{w.RoundOfStudent(t)}/requests",
            $"{{\"children\":[{{\"studentId\":\"{w.Student(t)}\",\"main\":false,\"subjectTeacherIds\":[]}}],\"sessionIds\":[]}}"), Targets: ["C1", "C4"]),
        [(Resource.Timetable, Act.View)] = new((w, t, _) => Get($"/api/v1/rounds/{w.RoundOfStudent(t)}/timetable"), Targets: ["C1", "C4"]),
        [(Resource.Availability, Act.View)] = new((w, t, _) => Get($"/rounds/{w.RoundOfStaff(t)}/availability?staff={w.Staff(t)}")),
        [(Resource.Availability, Act.Change)] = new((w, t, token) =>
            // Times outside the round's days: whoever may add them hears so; nothing is added.
            Form($"/rounds/{w.RoundOfStaff(t)}/availability?staff={w.Staff(t)}", token, ("Date", "2020-01-06"), ("Start", "19:00"), ("End", "20:00"))),
        [(Resource.Schedule, Act.View)] = new((w, t, _) => Get($"/rounds/{w.RoundOfSchool(t)}/schedule")),
        [(Resource.Schedule, Act.Change)] = new((w, t, _) => Json(HttpMethod.Post, $"/api/v1/rounds/{w.RoundOfSchool(t)}/schedule-runs", "{}")),
        [(Resource.DayList, Act.View)] = new((w, t, _) => Get($"/rounds/{w.RoundOfStaff(t)}/day?staff={w.Staff(t)}")),
        // A conversation in the future cannot be marked held: whoever may record hears so; nothing changes.
        [(Resource.Outcome, Act.Change)] = new((w, t, _) => Json(HttpMethod.Post, $"/api/v1/bookings/{w.Booking(t)}/outcome", "{\"outcome\":3}")),
        [(Resource.RoundOverview, Act.View)] = new((w, t, _) => Get($"/api/v1/rounds/{w.RoundOfGroup(t)}/overview"),
            // The overview lists the groups one may see: allowed when it lists this one.
            (w, t, r, body) => r.StatusCode == HttpStatusCode.OK && body.Contains(w.Group(t).ToString(), StringComparison.Ordinal)),
        // Must-see families (issue 10). A reason that is too long: whoever may mark hears so; nothing is marked.
        [(Resource.MustSee, Act.View)] = new((w, t, _) => Get($"/rounds/{w.RoundOfStaff(t)}/must-see?staff={w.Staff(t)}")),
        [(Resource.MustSee, Act.Change)] = new((w, t, token) => Form($"/rounds/{w.RoundOfStaff(t)}/must-see?handler=Mark&staff={w.Staff(t)}", token,
            ("student", Guid.NewGuid().ToString()), ("reason", new string('x', 300)))),
        // Interpreters (issue 10). An interpreter without a name: whoever may add one hears so; nothing is added.
        [(Resource.Interpreters, Act.View)] = new((w, t, _) => Get($"/rounds/{w.RoundOfSchool(t)}/interpreters")),
        [(Resource.Interpreters, Act.Change)] = new((w, t, token) => Form($"/rounds/{w.RoundOfSchool(t)}/interpreters?handler=Add", token, ("Name", ""))),
        // Agreements (issue 11, item 4)
        [(Resource.Agreements, Act.View)] = new((w, t, _) => Get($"/students/{w.Student(t)}/agreements")),
        // An empty agreement: whoever may record one hears what is missing; nothing is saved.
        [(Resource.Agreements, Act.Change)] = new((w, t, token) => Form($"/students/{w.Student(t)}/agreements", token, ("what", ""))),
        [(Resource.FamilyAgreements, Act.View)] = new((w, t, _) => Get($"/children/{w.Student(t)}/agreements")),
        // Confirming an agreement that does not exist: whoever may answer hears so; nothing changes.
        [(Resource.FamilyAgreements, Act.Change)] = new((w, t, token) =>
            Form($"/children/{w.Student(t)}/agreements?handler=Confirm", token, ("agreementId", Guid.NewGuid().ToString()))),
        // Records (issue 11). The world's conversations are still to come: whoever may write a record hears it has not started.
        [(Resource.ConversationRecord, Act.View)] = new((w, t, _) => Get($"/bookings/{w.Booking(t)}/record")),
        [(Resource.ConversationRecord, Act.Change)] = new((w, t, token) => Form($"/bookings/{w.Booking(t)}/record", token,
            ("version", Guid.NewGuid().ToString()), ("entries[0].key", "Wrap"), ("entries[0].text", "probe"))),
        [(Resource.AgendaTemplates, Act.View)] = new((w, t, _) => Get($"/school/{w.School(t)}/agendas/ThreeWay")),
        // An agenda without items: whoever may save one hears it needs an item; nothing changes.
        [(Resource.AgendaTemplates, Act.Change)] = new((w, t, token) => Form($"/school/{w.School(t)}/agendas/ThreeWay", token)),
        [(Resource.StudentNotes, Act.View)] = new((w, t, _) => Get($"/students/{w.Student(t)}/notes")),
        // An empty note: whoever may write one hears it is empty; nothing is added.
        [(Resource.StudentNotes, Act.Change)] = new((w, t, token) => Form($"/students/{w.Student(t)}/notes", token, ("text", ""), ("visibility", "Staff"))),
        [(Resource.SharedWithFamily, Act.View)] = new((w, t, _) => Get($"/children/{w.Student(t)}/shared")),
        [(Resource.ConversationGuide, Act.View)] = new((w, t, _) => Get($"/bookings/{w.Booking(t)}/guide")),
        // Conversations outside the rounds: forms without their required text, so whoever may hears what is missing; nothing is saved.
        [(Resource.PlannedConversations, Act.View)] = new((w, t, _) => Get($"/students/{w.Student(t)}/conversations")),
        [(Resource.PlannedConversations, Act.Change)] = new((w, t, token) => Form($"/students/{w.Student(t)}/conversations", token, ("Purpose", ""))),
        [(Resource.FamilyConversations, Act.View)] = new((w, t, _) => Get($"/children/{w.Student(t)}/conversations")),
        [(Resource.FamilyConversations, Act.Change)] = new((w, t, token) => Form($"/children/{w.Student(t)}/conversations?handler=Ask", token, ("Reason", ""))),
        [(Resource.StaffConversations, Act.View)] = new((w, t, _) => Get($"/conversations?school={w.School(t)}")),
        [(Resource.StaffConversations, Act.Change)] = new((w, t, token) => Form($"/conversations?handler=Reply&school={w.School(t)}", token, ("Message", ""))),
        // Feedback after a conversation (issue 11, item 6). The world's conversations are still to come: whoever took part
        // reads that feedback opens once it is held, and a form sent anyway is refused so; nothing is saved.
        [(Resource.ConversationFeedback, Act.View)] = new((w, t, _) => Get($"/bookings/{w.Booking(t)}/feedback")),
        [(Resource.ConversationFeedback, Act.Change)] = new((w, t, token) => Form($"/bookings/{w.Booking(t)}/feedback", token, ("Rating", "3"))),
        [(Resource.FeedbackTotals, Act.View)] = new((w, t, _) => Get($"/school/{w.School(t)}/feedback")),
        // The student's place at the table (issue 11, item 3). The world's rounds are ten-minute conversations: whoever may
        // answer or decide hears there is nothing to ask; nothing is saved.
        [(Resource.FamilyTakingPart, Act.View)] = new((w, t, _) => Get($"/rounds/{w.RoundOfStudent(t)}/take-part?student={w.Student(t)}")),
        [(Resource.FamilyTakingPart, Act.Change)] = new((w, t, token) =>
            Form($"/rounds/{w.RoundOfStudent(t)}/take-part?student={w.Student(t)}", token, ("takesPart", "false"))),
        [(Resource.TakingPartDecision, Act.View)] = new((w, t, _) => Get($"/rounds/{w.RoundOfStudent(t)}/take-part/{w.Student(t)}")),
        [(Resource.TakingPartDecision, Act.Change)] = new((w, t, token) =>
            Form($"/rounds/{w.RoundOfStudent(t)}/take-part/{w.Student(t)}?handler=Decide", token, ("reason", "Medication"))),
        // A student's timeline (issue 12, item 3).
        [(Resource.StudentTimeline, Act.View)] = new((w, t, _) => Get($"/students/{w.Student(t)}/timeline")),
        [(Resource.FamilyTimeline, Act.View)] = new((w, t, _) => Get($"/children/{w.Student(t)}/timeline")),
        // Coverage of the conversation cycle (issue 12, item 4)
        [(Resource.CycleCoverage, Act.View)] = new((w, t, _) => Get($"/school/{w.School(t)}/coverage")),
        [(Resource.GroupCoverage, Act.View)] = new((w, t, _) => Get($"/school/{w.SchoolOfGroup(t)}/coverage/{w.Group(t)}")),
        // A call about a child who is not in the group: whoever may log one hears it does not belong; nothing is logged.
        [(Resource.GroupCoverage, Act.Change)] = new((w, t, token) => Form($"/school/{w.SchoolOfGroup(t)}/coverage/{w.Group(t)}?handler=Call", token,
            ("round", w.RoundOfGroup(t).ToString()), ("student", Guid.NewGuid().ToString()), ("outcome", "Reached"))),
        // The contact log and concerns (issue 13): forms too long or without their choice, so whoever may hears why; nothing is saved.
        [(Resource.ContactLog, Act.View)] = new((w, t, _) => Get($"/students/{w.Student(t)}/contacts")),
        [(Resource.ContactLog, Act.Change)] = new((w, t, token) => Form($"/students/{w.Student(t)}/contacts", token, ("Summary", new string('x', 600)))),
        [(Resource.MyContacts, Act.View)] = new((w, t, _) => Get($"/contacts?school={w.School(t)}")),
        [(Resource.Concerns, Act.View)] = new((w, t, _) => Get($"/students/{w.Student(t)}/concerns")),
        [(Resource.Concerns, Act.Change)] = new((w, t, token) => Form($"/students/{w.Student(t)}/concerns", token, ("Reply", "probe"))),
        [(Resource.FamilyConcerns, Act.View)] = new((w, t, _) => Get($"/children/{w.Student(t)}/concerns")),
        [(Resource.FamilyConcerns, Act.Change)] = new((w, t, token) => Form($"/children/{w.Student(t)}/concerns", token, ("Topic", ""))),
        // Year rollover (issue 12, item 1). The test clock is in November, before the rollover opens: whoever may run it hears
        // so; nothing changes.
        [(Resource.Rollover, Act.View)] = new((w, t, _) => Get($"/school/{w.School(t)}/rollover")),
        [(Resource.Rollover, Act.Change)] = new((w, t, token) => Form($"/school/{w.School(t)}/rollover?handler=Confirm", token, ("sure", "true"))),
        // Handover to next year's teacher (issue 12, item 2). A line that is too long, a line of nothing: whoever may hears so; nothing changes.
        [(Resource.Handover, Act.View)] = new((w, t, _) => Get($"/students/{w.Student(t)}/handover")),
        [(Resource.Handover, Act.Change)] = new((w, t, token) => Form($"/students/{w.Student(t)}/handover", token,
            ("version", Guid.NewGuid().ToString()), ("line", new string('x', 1200)))),
        [(Resource.FamilyHandover, Act.View)] = new((w, t, _) => Get($"/children/{w.Student(t)}/handover")),
        [(Resource.FamilyHandover, Act.Change)] = new((w, t, token) =>
            Form($"/children/{w.Student(t)}/handover?handler=Add", token, ("handoverId", Guid.NewGuid().ToString()), ("text", ""))),
        // Report grades and tasks (issue 13). An upload without a file: whoever may import hears a file is needed; nothing is read.
        [(Resource.GradeImport, Act.View)] = new((w, t, _) => Get($"/school/{w.School(t)}/grades")),
        [(Resource.GradeImport, Act.Change)] = new((w, t, token) => Form($"/school/{w.School(t)}/grades", token)),
        [(Resource.StaffTasks, Act.View)] = new((w, t, _) => Get($"/tasks?staff={w.Staff(t)}")),
        // Marking a task that is not on the list: whoever may mark hears so; nothing changes.
        [(Resource.StaffTasks, Act.Change)] = new((w, t, token) => Form($"/tasks?handler=Done&staff={w.Staff(t)}", token,
            ("taskId", Guid.NewGuid().ToString()), ("version", Guid.NewGuid().ToString()))),
        [(Resource.StudentTasks, Act.View)] = new((w, t, _) => Get($"/students/{w.Student(t)}/tasks")),
        [(Resource.TaskOversight, Act.View)] = new((w, t, _) => Get($"/school/{w.School(t)}/tasks")),
    };

    public static bool Has(Resource resource, Act act) => All.ContainsKey((resource, act));

    public static Probe For(Resource resource, Act act) =>
        All.TryGetValue((resource, act), out var probe) ? probe : throw new InvalidOperationException($"No probe for {act} {resource}.");
}

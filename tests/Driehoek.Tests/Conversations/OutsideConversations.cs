using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;

namespace Driehoek.Tests.Conversations;

/// <summary>A school with a group, its mentor, a care coordinator, Sara (who can sign in) and her parent speaking <c>language</c>.</summary>
internal sealed record OutsideScene(SchoolBuilder School, Group Group, Person Mentor, Person Care, Person Child, Person Parent)
{
    public static async Task<OutsideScene> CreateAsync(TestApp app, string language)
    {
        var school = await app.World.SchoolAsync();
        var group = await school.GroupAsync();
        var mentor = await school.StaffAsync(StaffRole.Mentor, group);
        var care = await school.StaffAsync(StaffRole.CareCoordinator);
        var child = await school.StudentAsync(group, firstName: "Sara", login: true);
        var parent = await school.GuardianAsync([child], language: language);
        return new OutsideScene(school, group, mentor, care, child, parent);
    }
}

/// <summary>Planning and asking as the pages do it, for tests that need a conversation outside the rounds to exist.</summary>
internal static class OutsideConversations
{
    /// <summary>A level-2 conversation with a colleague and a youth doctor of the GGD, at two times next week.</summary>
    public static Task<Page> PlanAsync(AppClient staff, Guid studentId, Guid colleagueId, string purpose, string staffNote) =>
        staff.SubmitAsync($"/students/{studentId}/conversations", new()
        {
            ["Purpose"] = purpose, ["StaffNote"] = staffNote, ["SupportLevel"] = "2", ["AskedBy"] = "De mentor",
            ["Decision"] = "Of er extra leeshulp komt", ["DecidedBy"] = "De intern begeleider, met de ouders", ["StudentTakesPart"] = "true",
            ["StaffIds"] = colleagueId.ToString(),
            ["Externals[0].Name"] = "J. de Vries", ["Externals[0].Organisation"] = "GGD", ["Externals[0].Role"] = "jeugdarts",
            ["Times[0].Date"] = "2026-11-17", ["Times[0].Start"] = "15:00", ["Times[0].Minutes"] = "45", ["Times[0].Place"] = "Kamer 12",
            ["Times[1].Date"] = "2026-11-19", ["Times[1].Start"] = "14:00", ["Times[1].Minutes"] = "45", ["Times[1].Place"] = "https://video.example/abc",
        }, formSelector: PlanForm);

    /// <summary>The form that plans a new conversation; each planned one has its own forms above it.</summary>
    public const string PlanForm = "form#plan-form";

    public static Task<Page> AskAsync(AppClient family, Guid studentId, string reason) =>
        family.SubmitAsync($"/children/{studentId}/conversations", new() { ["Reason"] = reason }, formSelector: "form[action*='handler=Ask']");
}

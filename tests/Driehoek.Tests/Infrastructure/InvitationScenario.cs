using Driehoek.Web.Features.Rounds;
using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;

namespace Driehoek.Tests.Infrastructure;

/// <summary>A school with a group, its teacher, a leader, a child with a login and a parent, and a round for the group.</summary>
internal sealed record InvitationScenario(
    TestApp App, SchoolBuilder School, Group Group, Person Teacher, Person Leader, Person Child, Person Parent, ConversationRound Round)
{
    public static async Task<InvitationScenario> CreateAsync(TestApp app, RoundStatus status = RoundStatus.Published, string language = "nl")
    {
        var school = await app.World.SchoolAsync();
        var group = await school.GroupAsync();
        var teacher = await school.StaffAsync(StaffRole.GroupTeacher, group);
        var leader = await school.StaffAsync(StaffRole.SchoolLeader);
        var child = await school.StudentAsync(group, firstName: "Noor", login: true);
        var parent = await school.GuardianAsync([child], language: language);
        var round = await school.OpenRoundAsync([group], status: status);
        return new InvitationScenario(app, school, group, teacher, leader, child, parent, round);
    }

    public string Prepare => $"/rounds/{Round.Id}/prepare?student={Child.Id}";
    public string StaffPrepare => $"/rounds/{Round.Id}/prepare/{Child.Id}";
    public string Invitation => $"/rounds/{Round.Id}/invitation?student={Child.Id}";

    /// <summary>The leader publishes the draft round on its page, as in the browser, and waits while its invitations go out.</summary>
    public async Task<Page> PublishAsync(AppClient leader) =>
        await UntilPublishedAsync(leader, await leader.SubmitAsync($"/rounds/{Round.Id}", [], "form[action*='handler=Publish']"));

    /// <summary>Follows the round page (it refreshes itself while the invitations are sent) until they are out.</summary>
    public static Task<Page> UntilPublishedAsync(AppClient leader, Page page) => ProgressPages.FollowAsync(leader, page);

    public Task RemoveEmailAsync(Person guardian) => App.WithDbAsync(async db =>
    {
        (await db.Guardians.SingleAsync(g => g.Id == guardian.Id)).Email = null;
        await db.SaveChangesAsync();
    });

    public Task<int> MailsToAsync(string email) =>
        App.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Payload.Contains(email)));
}

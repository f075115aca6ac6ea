using Driehoek.Web.Features.Rounds;

namespace Driehoek.Tests.Rounds;

/// <summary>Publishing a large school's round: the invitations go out in the background while the round page shows how far.</summary>
public abstract class RoundPublicationTests(TestApp app)
{
    [Fact]
    public async Task Publishing_a_large_round_invites_every_household_once_in_the_background_with_letters_for_those_without_email()
    {
        var s = await InvitationScenario.CreateAsync(app, RoundStatus.Draft);
        // 40 more families; every tenth parent has no e-mail address, and three children have separated parents.
        await BulkFamilies.AddAsync(app, s.School, s.Group, 40, "Ronde", withoutEmailEvery: 10, separated: 3);
        using var leader = await app.SignInAsync(s.Leader.Email!);

        var answer = await leader.SubmitAsync($"/rounds/{s.Round.Id}", [], "form[action*='handler=Publish']");
        Assert.True(answer.Find("progress") is not null || answer.Find(".notice") is not null);
        var published = await InvitationScenario.UntilPublishedAsync(leader, answer);

        Assert.Contains("44", published.Find(".notice")!.TextContent);
        var invitations = await app.WithDbAsync(db => db.RoundInvitations.Where(i => i.RoundId == s.Round.Id).ToListAsync());
        Assert.Equal(44, invitations.Count);
        Assert.Equal(44, invitations.Select(i => (i.StudentId, i.HouseholdId)).Distinct().Count());
        Assert.Equal(4, invitations.Count(i => i.EmailedAt is null));
        Assert.Equal(40, await MailsAboutAsync(s.Round.Id));
        var letters = await leader.GetAsync($"/rounds/{s.Round.Id}/letters");
        Assert.Equal(4, letters.FindAll("article.letter").Count());
        await Mailbox.WaitForAsync(app, s.Parent.Email!);

        // Claimed again (its instance died after the last chunk): nobody is invited twice.
        await ProgressPages.ClaimAgainAsync<RoundInvitationJob>(app, RoundInvitationJob.Kind, s.Round.Id);
        Assert.Equal(44, await app.WithDbAsync(db => db.RoundInvitations.CountAsync(i => i.RoundId == s.Round.Id)));
        Assert.Equal(40, await MailsAboutAsync(s.Round.Id));
    }

    [Fact]
    public async Task A_round_cancelled_before_its_invitations_went_out_invites_nobody()
    {
        var s = await InvitationScenario.CreateAsync(app, RoundStatus.Draft);
        await app.WithDbAsync(db => db.Rounds.Where(r => r.Id == s.Round.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, RoundStatus.Cancelled)));

        await ProgressPages.ClaimAgainAsync<RoundInvitationJob>(app, RoundInvitationJob.Kind, s.Round.Id);

        Assert.Equal(0, await app.WithDbAsync(db => db.RoundInvitations.CountAsync(i => i.RoundId == s.Round.Id)));
    }

    private Task<int> MailsAboutAsync(Guid roundId) =>
        app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Payload.Contains(roundId.ToString())));
}

[Collection(SqliteCollection.Name)]
public sealed class RoundPublicationTests_Sqlite(SqliteApp app) : RoundPublicationTests(app);

[Collection(PostgresCollection.Name), Trait("Provider", "Postgres")]
public sealed class RoundPublicationTests_Postgres(PostgresApp app) : RoundPublicationTests(app);

using Driehoek.Web.Features.Rounds;

namespace Driehoek.Tests.Rounds;

/// <summary>
/// Handover between school years is built by a later issue. Until then no page offers or promises it, and
/// saving a round keeps what is stored (the default plan marks the start and end rounds).
/// </summary>
[Collection(SqliteCollection.Name)]
public sealed class UnbuiltSettingsTests(SqliteApp app)
{
    [Fact]
    public async Task The_round_form_does_not_offer_handover_and_saving_keeps_the_stored_value()
    {
        var s = await InvitationScenario.CreateAsync(app, RoundStatus.Draft);
        await app.WithDbAsync(async db =>
        {
            (await db.Rounds.SingleAsync(r => r.Id == s.Round.Id)).Handover = true;
            await db.SaveChangesAsync();
        });
        using var leader = await app.SignInAsync(s.Leader.Email!);

        foreach (var language in new[] { "nl", "en" })
        {
            foreach (var url in new[] { $"/school/{s.School.Id}/rounds/edit/{s.Round.Id}", $"/school/{s.School.Id}/rounds/edit", $"/school/{s.School.Id}/rounds" })
            {
                var page = await leader.GetAsync($"{url}?lang={language}");
                Assert.Equal(System.Net.HttpStatusCode.OK, page.Status);
                Assert.Empty(page.FindAll("main input:not([type=hidden])[name=Handover], main #Handover, main label[for=Handover]"));
                Assert.DoesNotContain("overdracht", page.Main, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("handover", page.Main, StringComparison.OrdinalIgnoreCase);
            }
        }

        var form = await leader.GetAsync($"/school/{s.School.Id}/rounds/edit/{s.Round.Id}");
        var saved = await leader.SubmitAsync(form, new() { ["Name"] = "Voortgang, nieuwe naam" });
        Assert.Empty(saved.Errors);
        var round = await app.WithDbAsync(db => db.Rounds.AsNoTracking().SingleAsync(r => r.Id == s.Round.Id));
        Assert.Equal("Voortgang, nieuwe naam", round.Name);
        Assert.True(round.Handover);
    }
}

using Driehoek.Web.Features.Rounds;

namespace Driehoek.Tests.Rounds;

/// <summary>
/// A round's handover setting (the default plan marks the start and end rounds): the round form offers it as what it
/// does, and saving keeps it or turns it off (Features/Handover reads it).
/// </summary>
public abstract class RoundHandoverSettingTests(TestApp app)
{
    [Fact]
    public async Task The_round_form_offers_handover_and_saving_keeps_or_changes_the_stored_value()
    {
        var s = await InvitationScenario.CreateAsync(app, RoundStatus.Draft);
        await app.WithDbAsync(async db =>
        {
            (await db.Rounds.SingleAsync(r => r.Id == s.Round.Id)).Handover = true;
            await db.SaveChangesAsync();
        });
        using var leader = await app.SignInAsync(s.Leader.Email!);

        foreach (var (language, label) in new[] { ("nl", "Overdracht"), ("en", "Handover") })
        {
            var page = await leader.GetAsync($"/school/{s.School.Id}/rounds/edit/{s.Round.Id}?lang={language}");
            Assert.Equal(System.Net.HttpStatusCode.OK, page.Status);
            Assert.True(page.Find("main input#Handover[type=checkbox]")!.HasAttribute("checked"));
            Assert.Equal(label, page.Find("main label[for=Handover]")!.TextContent);
        }

        var form = await leader.GetAsync($"/school/{s.School.Id}/rounds/edit/{s.Round.Id}");
        var saved = await leader.SubmitAsync(form, new() { ["Name"] = "Voortgang, nieuwe naam" });
        Assert.Empty(saved.Errors);
        var round = await app.WithDbAsync(db => db.Rounds.AsNoTracking().SingleAsync(r => r.Id == s.Round.Id));
        Assert.Equal("Voortgang, nieuwe naam", round.Name);
        Assert.True(round.Handover);

        // A form without the box ticked (a browser sends nothing for it) turns the handover off.
        var values = AppClient.FormValues((AngleSharp.Html.Dom.IHtmlFormElement)(await leader.GetAsync($"/school/{s.School.Id}/rounds/edit/{s.Round.Id}"))
            .Find("main form[method=post]")!);
        values.RemoveAll(v => v.Key == "Handover");
        Assert.Empty((await leader.PostAsync($"/school/{s.School.Id}/rounds/edit/{s.Round.Id}", values)).Errors);
        Assert.False(await app.WithDbAsync(db => db.Rounds.Where(r => r.Id == s.Round.Id).Select(r => r.Handover).SingleAsync()));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class RoundHandoverSettingTests_Sqlite(SqliteApp app) : RoundHandoverSettingTests(app);

[Collection(PostgresCollection.Name), Trait("Provider", "Postgres")]
public sealed class RoundHandoverSettingTests_Postgres(PostgresApp app) : RoundHandoverSettingTests(app);

using Driehoek.Web.Features.Rounds;
using Driehoek.Web.Infrastructure.Localization;

namespace Driehoek.Tests.Rounds;

/// <summary>The language tour of the invitation and preparation pages: a missing translation fails here.</summary>
public abstract class InvitationLanguageTests(TestApp app)
{
    [Theory]
    [InlineData("uk", "вівторок 17 листопада – \\S+ 20 листопада 2026", "з вівторок", "коли відбудеться ваша розмова")]
    [InlineData("pl", "wtorek, 17 listopada – \\S+, 20 listopada 2026|wtorek 17 listopada – \\S+ 20 listopada 2026", "od wtorek", "Szkoła")]
    public async Task The_invitation_names_its_days_without_a_broken_case_and_says_when_the_school_will_tell(
        string language, string days, string broken, string requests)
    {
        var s = await InvitationScenario.CreateAsync(app, language: language);
        await app.WithDbAsync(async db =>
        {
            (await db.Rounds.SingleAsync(r => r.Id == s.Round.Id)).Mode = RoundMode.Requests;
            await db.SaveChangesAsync();
        });
        using var parent = await app.SignInAsync(s.Parent.Email!);

        var page = await parent.GetAsync(s.Invitation);

        Assert.Equal(language, page.Find("html")!.GetAttribute("lang"));
        Assert.Matches(days, page.Main);
        Assert.DoesNotContain(broken, page.Main);
        Assert.Contains(requests, page.Main);
    }

    [Fact]
    public async Task Every_invitation_and_preparation_page_has_all_its_strings_in_every_language()
    {
        var s = await InvitationScenario.CreateAsync(app, RoundStatus.Draft);
        var offline = await s.School.GuardianAsync([s.Child], login: false, language: "ar");
        await s.RemoveEmailAsync(offline);
        using (var leader = await app.SignInAsync(s.Leader.Email!))
        {
            await s.PublishAsync(leader);
        }
        string[] familyPages = [s.Invitation, s.Prepare, "/parent", $"/rounds/{s.Round.Id}/book"];
        string[] studentPages = [s.Invitation, s.Prepare, "/student"];
        app.MissingResources.Clear();

        foreach (var language in Cultures.Supported)
        {
            foreach (var (email, pages) in new[] { (s.Parent.Email!, familyPages), (s.Child.Email!, studentPages) })
            {
                using var client = await app.SignInAsync(email);
                foreach (var page in pages)
                {
                    var shown = await client.GetAsync(page + (page.Contains('?') ? "&" : "?") + "lang=" + language);
                    Assert.Equal(System.Net.HttpStatusCode.OK, shown.Status);
                }
            }
        }
        foreach (var language in new[] { "nl", "en" })
        {
            using var teacher = await app.SignInAsync(s.Teacher.Email!);
            foreach (var page in new[] { s.StaffPrepare, $"/rounds/{s.Round.Id}/preparations", $"/rounds/{s.Round.Id}/letters?all=true", $"/rounds/{s.Round.Id}" })
            {
                Assert.Equal(System.Net.HttpStatusCode.OK, (await teacher.GetAsync($"{page}{(page.Contains('?') ? "&" : "?")}lang={language}")).Status);
            }
            using var leader = await app.SignInAsync(s.Leader.Email!);
            foreach (var page in new[]
                     {
                         $"/rounds/{s.Round.Id}/invitations", $"/rounds/{s.Round.Id}/letters", $"/rounds/{s.Round.Id}", $"/school/{s.School.Id}",
                         $"/school/{s.School.Id}/invitation-texts", $"/school/{s.School.Id}/invitation-texts/HomeVisit/uk",
                     })
            {
                Assert.Equal(System.Net.HttpStatusCode.OK, (await leader.GetAsync($"{page}?lang={language}")).Status);
            }
        }

        Assert.Empty(app.MissingResources.All);
    }

    [Fact]
    public void Every_form_has_a_standard_text_with_its_questions_in_every_language()
    {
        foreach (var language in Cultures.Supported)
        {
            foreach (var form in Enum.GetValues<ConversationForm>())
            {
                var text = InvitationTexts.Standard(form, language);
                Assert.False(text.Purpose.StartsWith("Template.", StringComparison.Ordinal), $"{form} {language}");
                Assert.Equal(3, text.ParentQuestions.Count);
                Assert.Equal(3, text.StudentQuestions.Count);
                Assert.Equal(2, text.TeacherQuestions.Count);
                Assert.DoesNotContain(text.ParentQuestions.Concat(text.StudentQuestions).Concat(text.TeacherQuestions),
                    q => q.StartsWith("Questions.", StringComparison.Ordinal));
            }
        }
        Assert.NotEqual(InvitationTexts.Standard(ConversationForm.ThreeWay, "ar").Purpose, InvitationTexts.Standard(ConversationForm.ThreeWay, "nl").Purpose);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class InvitationLanguageTests_Sqlite(SqliteApp app) : InvitationLanguageTests(app);

[Collection(PostgresCollection.Name), Trait("Provider", "Postgres")]
public sealed class InvitationLanguageTests_Postgres(PostgresApp app) : InvitationLanguageTests(app);

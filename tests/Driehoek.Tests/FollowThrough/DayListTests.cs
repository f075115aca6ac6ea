using System.Net;
using Driehoek.Web.Features.Bookings;
using Driehoek.Web.Features.Rounds;
using Driehoek.Web.Features.People;
using Driehoek.Web.Infrastructure.Localization;

namespace Driehoek.Tests.FollowThrough;

public abstract class DayListTests(TestApp app)
{
    private const string Topics = "<script>alert('x')</script><b>Rekenen</b> en vriendschappen";

    /// <summary>A booking with topics and an interpreter, and the household's and the student's preparation.</summary>
    private async Task<(RoundFamily Family, Guid BookingId)> PreparedAsync()
    {
        var f = await app.RoundFamilyAsync();
        var father = await f.School.GuardianAsync([f.Child]);
        using (var parent = await app.SignInAsync(f.Parent.Email!))
        {
            var id = await parent.BookAsync(f.Round.Id, f.Child.Id, f.Slots[1].Id, Topics, TopicAreas.Results | TopicAreas.SocialContacts, "Turks");
            var household = await app.WithDbAsync(db => db.Bookings.Where(b => b.Id == id).Select(b => b.HouseholdId).SingleAsync());
            var fathers = await app.WithDbAsync(db => db.Guardians.Where(g => g.Id == father.Id).Select(g => g.HouseholdId).SingleAsync());
            await app.WithDbAsync(async db =>
            {
                db.Preparations.AddRange(
                    Preparation(f, PreparationParty.Parent, household, """["Lezen gaat goed", "", "<i>Huiswerk</i>"]"""),
                    Preparation(f, PreparationParty.Student, null, """["Ik ben goed in tekenen", "Breuken"]"""),
                    Preparation(f, PreparationParty.Parent, fathers, """["Alleen voor het andere huishouden"]"""));
                await db.SaveChangesAsync();
            });
            return (f, id);
        }
    }

    private static Preparation Preparation(RoundFamily f, PreparationParty party, Guid? household, string answers) => new()
    {
        SchoolId = f.School.Id, RoundId = f.Round.Id, StudentId = f.Child.Id, Party = party, HouseholdId = household,
        Key = PreparationKeys.For(f.Round.Id, f.Child.Id, party, household, null), Answers = answers, UpdatedAt = TestClock.Start.UtcDateTime,
    };

    [Fact]
    public async Task The_day_list_shows_the_teacher_topics_and_preparation_as_text_and_the_read_is_audited()
    {
        var (f, id) = await PreparedAsync();
        using var teacher = await app.SignInAsync(f.Teacher.Email!);

        var page = await teacher.GetAsync($"/rounds/{f.Round.Id}/day?date={FollowThroughWorld.FirstDay}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var card = page.Find($"#booking-{id}")!;
        Assert.Contains("19:10", card.QuerySelector("h2")!.TextContent);
        Assert.Contains(f.Group.Name, card.QuerySelector("h2")!.TextContent);
        Assert.Equal(Topics, card.QuerySelector(".topics")!.TextContent);
        Assert.Empty(page.FindAll("main script, main b, main i"));
        Assert.Contains("Turks", card.QuerySelector(".interpreter")!.TextContent);
        Assert.Contains("Resultaten en leren", card.TextContent);
        var answers = card.QuerySelectorAll(".preparation dt").Zip(card.QuerySelectorAll(".preparation dd"), (dt, dd) => $"{dt.TextContent}: {dd.TextContent}").ToList();
        // Each answer under the school's question, not "Parents, question 1".
        Assert.Equal([
            "Ouders: Wat gaat er goed met ons kind, thuis of op school?: Lezen gaat goed",
            "Ouders: Wat willen we de leerkracht vragen of vertellen?: <i>Huiswerk</i>",
            "Leerling: Waar ben ik goed in? Wat gaat goed?: Ik ben goed in tekenen",
            "Leerling: Waar wil ik beter in worden?: Breuken"], answers);
        Assert.DoesNotContain("andere huishouden", page.Text);
        Assert.Null(card.QuerySelector("form.outcome"));
        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.UserId == f.Teacher.UserId).Select(a => new { a.Subject, a.SubjectId }).ToListAsync());
        Assert.Contains(audit, a => a.Subject == "conversation-day-list" && a.SubjectId == f.Teacher.Id);
        Assert.Contains(audit, a => a.Subject == "conversation-preparation" && a.SubjectId == f.Child.Id);
    }

    [Fact]
    public async Task Another_teacher_a_parent_and_another_school_get_not_found_and_the_leader_can_pick_the_teacher()
    {
        var (f, id) = await PreparedAsync();
        var colleague = await f.School.StaffAsync(StaffRole.GroupTeacher, await f.School.GroupAsync());
        var leader = await f.School.StaffAsync(StaffRole.SchoolLeader);
        var elsewhere = await app.RoundFamilyAsync();
        var url = $"/rounds/{f.Round.Id}/day?date={FollowThroughWorld.FirstDay}&staff={f.Teacher.Id}";

        foreach (var email in new[] { colleague.Email!, f.Parent.Email!, elsewhere.Teacher.Email!, elsewhere.Parent.Email! })
        {
            using var client = await app.SignInAsync(email);
            Assert.Equal(HttpStatusCode.NotFound, await client.StatusAsync(url));
            Assert.Equal(HttpStatusCode.NotFound, await client.StatusAsync($"/api/v1/rounds/{f.Round.Id}/day?date={FollowThroughWorld.FirstDay}&staff={f.Teacher.Id}"));
        }
        using var own = await app.SignInAsync(colleague.Email!);
        var theirs = await own.GetAsync($"/rounds/{f.Round.Id}/day?date={FollowThroughWorld.FirstDay}");
        Assert.Null(theirs.Find($"#booking-{id}"));
        Assert.NotNull(theirs.Find(".empty"));

        using var boss = await app.SignInAsync(leader.Email!);
        var picked = await boss.GetAsync(url);
        Assert.Equal(Topics, picked.Find($"#booking-{id} .topics")!.TextContent);
        Assert.NotNull(picked.Find($"select#staff option[value='{f.Teacher.Id}']"));
    }

    [Fact]
    public async Task The_round_page_and_the_teachers_home_link_to_the_day_list()
    {
        var (f, _) = await PreparedAsync();
        using var teacher = await app.SignInAsync(f.Teacher.Email!);

        var round = await teacher.GetAsync($"/rounds/{f.Round.Id}");
        var home = await teacher.GetAsync("/teacher");

        Assert.NotNull(round.Find($"a[href='/rounds/{f.Round.Id}/day']"));
        Assert.NotNull(round.Find($"a[href='/rounds/{f.Round.Id}/overview']"));
        var link = home.Find($".agenda a[href='/rounds/{f.Round.Id}/day?date={FollowThroughWorld.FirstDay}']");
        Assert.NotNull(link);
        Assert.Contains("1", link.TextContent);
        Assert.Equal(HttpStatusCode.OK, (await teacher.GetAsync(round.Find($"a[href='/rounds/{f.Round.Id}/day']")!.GetAttribute("href")!)).Status);
    }

    [Fact]
    public async Task Calendar_overview_and_day_list_pages_have_all_their_strings_in_every_language_their_readers_use()
    {
        var (f, _) = await PreparedAsync();
        var leader = await f.School.StaffAsync(StaffRole.SchoolLeader);
        app.MissingResources.Clear();

        foreach (var language in Cultures.Supported)
        {
            using var parent = await app.SignInAsync(f.Parent.Email!);
            await parent.GetAsync($"/account?lang={language}");
            var empty = await parent.GetAsync($"/account/calendar?lang={language}");
            var handler = empty.Find("form[action*='handler=Create']") is null ? "Replace" : "Create";
            var token = await parent.TokenAsync($"/account/calendar?lang={language}");
            // The form's own action drops ?lang, so post with it: the page answers in the chosen language.
            var made = await parent.PostAsync($"/account/calendar?handler={handler}&lang={language}", [new("__RequestVerificationToken", token), new("sure", "true")]);
            Assert.NotNull(made.Find("#feed-address"));
            var refused = await parent.PostAsync($"/account/calendar?handler=Replace&lang={language}", [new("__RequestVerificationToken", token)]);
            Assert.NotEmpty(refused.Errors);
        }
        await app.AtAsync(FollowThroughWorld.FirstSlot.AddMinutes(30), async () =>
        {
            foreach (var language in new[] { "nl", "en" })
            {
                using var teacher = await app.SignInAsync(f.Teacher.Email!);
                await teacher.GetAsync($"/rounds/{f.Round.Id}?lang={language}");
                await teacher.GetAsync($"/rounds/{f.Round.Id}/day?date={FollowThroughWorld.FirstDay}&lang={language}");
                await teacher.GetAsync($"/rounds/{f.Round.Id}/day?date=2026-11-18&lang={language}");
                await teacher.GetAsync($"/rounds/{f.Round.Id}/overview?lang={language}");
                await teacher.GetAsync($"/teacher?lang={language}");
                using var boss = await app.SignInAsync(leader.Email!);
                await boss.GetAsync($"/rounds/{f.Round.Id}/day?staff={f.Teacher.Id}&lang={language}");
            }
        });

        Assert.Empty(app.MissingResources.All);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class DayListTests_Sqlite(SqliteApp app) : DayListTests(app);

[Collection(PostgresCollection.Name), Trait("Provider", "Postgres")]
public sealed class DayListTests_Postgres(PostgresApp app) : DayListTests(app);

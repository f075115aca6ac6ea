using System.Net;
using System.Net.Http.Json;
using Driehoek.Web.Features.Rounds;
using Driehoek.Web.Features.People;

namespace Driehoek.Tests.Rounds;

public abstract class PreparationTests(TestApp app)
{
    /// <summary>Fills the page's textareas in order (they share the name "Answers") and submits.</summary>
    private static Task<Page> AnswerAsync(AppClient client, Page page, params string[] answers)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", page.Find("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!),
            new("Version", page.Find("main form input[name=Version]")!.GetAttribute("value") ?? ""),
        };
        fields.AddRange(answers.Select(a => new KeyValuePair<string, string>("Answers", a)));
        return client.PostAsync(page.Url.PathAndQuery, fields);
    }

    [Fact]
    public async Task Parent_and_student_prepare_and_the_teacher_reads_both_before_the_conversation()
    {
        var s = await InvitationScenario.CreateAsync(app);
        using var parent = await app.SignInAsync(s.Parent.Email!);
        using var student = await app.SignInAsync(s.Child.Email!);
        using var teacher = await app.SignInAsync(s.Teacher.Email!);

        var parentPage = await parent.GetAsync(s.Prepare);
        Assert.Equal("Wat gaat er goed met ons kind, thuis of op school?", parentPage.Find("label[for=answer-0]")!.TextContent);
        var saved = await AnswerAsync(parent, parentPage, "Ze leest veel", "Rekenen is lastig", "Hoe gaat het in de pauze?");
        Assert.NotNull(saved.Find(".notice"));
        Assert.Equal("Rekenen is lastig", saved.Find("#answer-1")!.TextContent);
        var studentPage = await student.GetAsync(s.Prepare);
        Assert.Equal("Waar ben ik goed in? Wat gaat goed?", studentPage.Find("label[for=answer-0]")!.TextContent);
        Assert.DoesNotContain("Ze leest veel", studentPage.Html);
        await AnswerAsync(student, studentPage, "Tekenen", "Tafels", "");

        var view = await teacher.GetAsync(s.StaffPrepare);
        Assert.Contains("Rekenen is lastig", view.Find("#parents-heading")!.ParentElement!.TextContent);
        Assert.Contains("Tafels", view.Find("#student-heading")!.ParentElement!.TextContent);
        await AnswerAsync(teacher, view, "Rekenen bespreken", "Helpt anderen met lezen");
        var list = await teacher.GetAsync($"/rounds/{s.Round.Id}/preparations");
        var row = list.FindAll("tbody tr").Single(r => r.TextContent.Contains("Noor", StringComparison.Ordinal));
        Assert.Contains("1 van 1", row.TextContent);
        Assert.DoesNotContain("Nee", row.TextContent);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "read" && a.Subject == "preparation" && a.SubjectId == s.Child.Id)));

        var summaries = await app.WithDbAsync(db => PreparationReader.ForRoundAsync(db, s.Round.Id, [s.Child.Id], CancellationToken.None));
        var fromParent = Assert.Single(summaries, p => p.Party == PreparationParty.Parent);
        Assert.Equal("Wat gaat minder goed, of waar maken we ons zorgen over?", fromParent.Questions[1]);
        Assert.Equal("Rekenen is lastig", fromParent.Answers[1]);
        Assert.Equal(new[] { "Rekenen bespreken", "Helpt anderen met lezen" }, summaries.Single(p => p.Party == PreparationParty.Teacher).Answers);
    }

    [Fact]
    public async Task Separated_parents_each_prepare_and_never_see_the_other_households_answers()
    {
        var s = await InvitationScenario.CreateAsync(app);
        var father = await s.School.GuardianAsync([s.Child]);
        using var mother = await app.SignInAsync(s.Parent.Email!);
        using var dad = await app.SignInAsync(father.Email!);

        await AnswerAsync(mother, await mother.GetAsync(s.Prepare), "Antwoord van mama");
        var his = await dad.GetAsync(s.Prepare);
        Assert.DoesNotContain("Antwoord van mama", his.Html);
        await AnswerAsync(dad, his, "Antwoord van papa");

        Assert.DoesNotContain("Antwoord van papa", (await mother.GetAsync(s.Prepare)).Html);
        using var teacher = await app.SignInAsync(s.Teacher.Email!);
        var view = await teacher.GetAsync(s.StaffPrepare);
        Assert.Equal(2, view.FindAll("#parents-heading ~ article").Count());
        Assert.Equal(2, await app.WithDbAsync(db => db.Preparations.CountAsync(p => p.StudentId == s.Child.Id && p.Party == PreparationParty.Parent)));
    }

    [Fact]
    public async Task Another_family_school_or_group_gets_not_found()
    {
        var s = await InvitationScenario.CreateAsync(app);
        var otherGroup = await s.School.GroupAsync();
        var otherTeacher = await s.School.StaffAsync(StaffRole.GroupTeacher, otherGroup);
        var classmate = await s.School.StudentAsync(s.Group);
        var classmateParent = await s.School.GuardianAsync([classmate]);
        var elsewhere = await InvitationScenario.CreateAsync(app);
        using var otherParent = await app.SignInAsync(classmateParent.Email!);
        using var teacherElsewhere = await app.SignInAsync(otherTeacher.Email!);
        using var otherLeader = await app.SignInAsync(elsewhere.Leader.Email!);
        using var otherStudent = await app.SignInAsync(elsewhere.Child.Email!);

        Assert.Equal(HttpStatusCode.NotFound, await otherParent.StatusAsync(s.Prepare));
        Assert.Equal(HttpStatusCode.NotFound, await otherParent.StatusAsync(s.StaffPrepare));
        Assert.Equal(HttpStatusCode.NotFound, await otherStudent.StatusAsync(s.Prepare));
        Assert.Equal(HttpStatusCode.NotFound, await teacherElsewhere.StatusAsync(s.StaffPrepare));
        Assert.Equal(HttpStatusCode.NotFound, await teacherElsewhere.StatusAsync($"/rounds/{s.Round.Id}/preparations"));
        Assert.Equal(HttpStatusCode.NotFound, await otherLeader.StatusAsync(s.StaffPrepare));
        Assert.Equal(HttpStatusCode.NotFound, await otherLeader.StatusAsync($"/rounds/{s.Round.Id}/preparations"));
        var token = await otherParent.TokenAsync($"/rounds/{s.Round.Id}/prepare?student={classmate.Id}");
        var forged = await otherParent.PostAsync(s.Prepare, [new("__RequestVerificationToken", token), new("Answers", "ingebroken")]);
        Assert.Equal(HttpStatusCode.NotFound, forged.Status);
        Assert.Equal(0, await app.WithDbAsync(db => db.Preparations.CountAsync(p => p.StudentId == s.Child.Id)));
    }

    [Fact]
    public async Task A_huge_answer_is_refused_markup_stays_text_and_a_concurrent_edit_is_caught()
    {
        var s = await InvitationScenario.CreateAsync(app);
        var partner = await s.School.GuardianAsync([s.Child], householdId: await app.WithDbAsync(db =>
            db.Guardians.Where(g => g.Id == s.Parent.Id).Select(g => g.HouseholdId!.Value).SingleAsync()));
        using var mother = await app.SignInAsync(s.Parent.Email!);
        using var sameHome = await app.SignInAsync(partner.Email!);

        var huge = await AnswerAsync(mother, await mother.GetAsync(s.Prepare), new string('x', 1_000_000));
        Assert.Contains(huge.Errors, e => e.Contains("2000", StringComparison.Ordinal));
        Assert.Equal(0, await app.WithDbAsync(db => db.Preparations.CountAsync(p => p.StudentId == s.Child.Id)));

        var hers = await mother.GetAsync(s.Prepare);
        var his = await sameHome.GetAsync(s.Prepare);
        await AnswerAsync(mother, hers, "<script>alert('x')</script><b>vet</b>");
        var stale = await AnswerAsync(sameHome, his, "Mijn versie");

        Assert.Contains(stale.Errors, e => e.Contains("Iemand anders", StringComparison.Ordinal));
        Assert.Equal("<script>alert('x')</script><b>vet</b>", stale.Find("#answer-0")!.TextContent);
        using var teacher = await app.SignInAsync(s.Teacher.Email!);
        var view = await teacher.GetAsync(s.StaffPrepare);
        Assert.Contains("<script>alert('x')</script>", view.Main);
        Assert.Empty(view.FindAll("main script, main b"));
    }

    [Fact]
    public async Task The_api_saves_a_preparation_refuses_a_huge_answer_and_hides_it_from_other_families()
    {
        var s = await InvitationScenario.CreateAsync(app);
        var other = await InvitationScenario.CreateAsync(app);
        using var parent = await app.SignInAsync(s.Parent.Email!);
        using var stranger = await app.SignInAsync(other.Parent.Email!);
        var url = $"/api/v1/rounds/{s.Round.Id}/preparation?student={s.Child.Id}";

        var huge = await parent.Http.PutAsJsonAsync(url, new PreparationRequest([new string('x', 1_000_000)], null));
        var saved = await parent.Http.PutAsJsonAsync(url, new PreparationRequest(["Gaat goed", "Rekenen"], null));
        var stale = await parent.Http.PutAsJsonAsync(url, new PreparationRequest(["Anders"], null));
        var (status, form) = await parent.GetJsonAsync<PreparationForm>(url);

        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);
        Assert.Contains("2000", await huge.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(new[] { "Gaat goed", "Rekenen" }, form!.Answers);
        Assert.Equal(HttpStatusCode.NotFound, await stranger.StatusAsync(url));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Http.PutAsJsonAsync(url, new PreparationRequest(["x"], form.Version))).StatusCode);
    }

    [Fact]
    public async Task Nothing_can_be_prepared_for_a_cancelled_round()
    {
        var s = await InvitationScenario.CreateAsync(app);
        using var parent = await app.SignInAsync(s.Parent.Email!);
        var page = await parent.GetAsync(s.Prepare);
        await app.WithDbAsync(async db =>
        {
            (await db.Rounds.SingleAsync(r => r.Id == s.Round.Id)).Status = RoundStatus.Cancelled;
            await db.SaveChangesAsync();
        });

        var refused = await AnswerAsync(parent, page, "Te laat");

        Assert.NotEmpty(refused.Errors);
        Assert.Null(refused.Find("main form button[type=submit]"));
        Assert.Equal(0, await app.WithDbAsync(db => db.Preparations.CountAsync(p => p.StudentId == s.Child.Id)));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class PreparationTests_Sqlite(SqliteApp app) : PreparationTests(app);

[Collection(PostgresCollection.Name), Trait("Provider", "Postgres")]
public sealed class PreparationTests_Postgres(PostgresApp app) : PreparationTests(app);

using Driehoek.Web.Features.People;

namespace Driehoek.Tests.ParentEvenings;

/// <summary>The late-request form offers only teachers a late request may still name: nothing that every choice then refuses.</summary>
public abstract class LateChoiceTests(TestApp app)
{
    [Fact]
    public async Task The_late_request_form_offers_no_subject_teacher_past_the_cap_nor_before_the_mentor()
    {
        var e = await Evening.CreateAsync(app);
        await app.WithDbAsync(async db =>
        {
            (await db.Rounds.SingleAsync(r => r.Id == e.Round.Id)).MaxSubjectTeachers = 1;
            await db.SaveChangesAsync();
        });
        var child = await e.School.StudentAsync(e.Group);
        var parent = await e.School.GuardianAsync([child]);
        await e.AskAsync(app, parent, english: true);
        using (var leader = await app.SignInAsync(e.Leader.Email!))
        {
            await e.PublishAsync(leader, await e.RunAsync(app, leader));
        }
        var dutch = await e.School.StaffAsync(StaffRole.SubjectTeacher, e.Group, "Nederlands");
        var newcomer = await e.School.StudentAsync(e.Group);
        var late = await e.School.GuardianAsync([newcomer]);

        using (var family = await app.SignInAsync(parent.Email!))
        {
            var form = await family.GetAsync($"/rounds/{e.Round.Id}/request");
            Assert.Null(form.Find($"#LateChoice option[value='{child.Id:N}|{dutch.Id:N}']"));
            Assert.Empty(form.FindAll("#LateChoice option"));
        }
        using (var family = await app.SignInAsync(late.Email!))
        {
            var form = await family.GetAsync($"/rounds/{e.Round.Id}/request");
            var offered = form.FindAll("#LateChoice option").Select(o => o.GetAttribute("value")).ToList();
            Assert.Equal([$"{newcomer.Id:N}|main"], offered);
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class LateChoiceTests_Sqlite(SqliteApp app) : LateChoiceTests(app);

[Collection(PostgresCollection.Name), Trait("Provider", "Postgres")]
public sealed class LateChoiceTests_Postgres(PostgresApp app) : LateChoiceTests(app);

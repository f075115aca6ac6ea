using Driehoek.Tests.Agreements;
using Driehoek.Tests.Records;
using Driehoek.Web.Features.Handover;
using Driehoek.Web.Features.People;
using Driehoek.Web.Features.Rounds;
using static Driehoek.Tests.Handover.HandoverWorld;
using static Driehoek.Tests.Rollover.RolloverWorld;

namespace Driehoek.Tests.Handover;

/// <summary>At rollover and when an end round with the handover is published, the outgoing teacher finds each student's draft ready.</summary>
public abstract class HandoverDraftTests(TestApp app)
{
    private static async Task UntilAsync(Func<Task<bool>> condition)
    {
        for (var waited = 0; waited < 300; waited++)
        {
            if (await condition())
            {
                return;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("Not true within 30 seconds.");
    }

    private Task<List<StudentHandover>> HandoversAsync(Guid studentId) =>
        app.WithDbAsync(db => db.StudentHandovers.Where(h => h.StudentId == studentId).ToListAsync());

    [Fact]
    public async Task The_rollover_compiles_a_draft_for_every_student_without_one_and_leaves_a_released_one_alone()
    {
        var f = await app.FamilyAsync();
        await app.AgreementAsync(f.Teacher.Email!, f.Child.Id, "student", Agreement);
        var sam = await f.School.StudentAsync(f.Group, "Sam");
        // Noor's handover was released before the rollover; Sam has none.
        await app.ReleaseAsync(new HandoverFamily(f, f.School.Year, f.Group, f.Teacher));

        await AtAsync(app, June, async () =>
        {
            var (_, leader) = await LeaderAsync(app, f.School);
            var done = await ConfirmAsync(leader, await leader.GetAsync(Url(f.School)));
            Assert.Equal("Done", done.Find("#state")!.GetAttribute("data-state"));
            await UntilAsync(async () => (await HandoversAsync(sam.Id)).Count == 1);

            var draft = Assert.Single(await HandoversAsync(sam.Id));
            Assert.Equal(HandoverStatus.Draft, draft.Status);
            Assert.Equal(f.School.Year.Id, draft.SchoolYearId);
            var released = Assert.Single(await HandoversAsync(f.Child.Id));
            Assert.Equal(HandoverStatus.Released, released.Status);

            using var teacher = await app.SignInAsync(f.Teacher.Email!);
            var review = await teacher.GetAsync($"/students/{sam.Id}/handover?year={f.School.Year.Id}");
            Assert.NotNull(review.Find("form.handover-review"));
        });
        Assert.Equal(2, await app.WithDbAsync(db => db.StudentHandovers.CountAsync(x => x.SchoolId == f.School.Id)));
    }

    [Fact]
    public async Task Publishing_an_end_round_with_the_handover_compiles_drafts_for_its_groups_only_with_the_years_agreements()
    {
        var f = await app.FamilyAsync();
        await app.AgreementAsync(f.Teacher.Email!, f.Child.Id, "student", Agreement);
        var otherGroup = await f.School.GroupAsync();
        var elsewhere = await f.School.StudentAsync(otherGroup);
        var round = await f.School.OpenRoundAsync([f.Group], status: RoundStatus.Draft);
        await app.WithDbAsync(db => db.Rounds.Where(r => r.Id == round.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Kind, RoundKind.End).SetProperty(r => r.Handover, true)));

        using var leader = await app.SignInAsync(f.Leader.Email!);
        var published = await leader.SubmitAsync($"/rounds/{round.Id}", [], "form[action*='handler=Publish']");
        Assert.Empty(published.Errors);
        await UntilAsync(async () => (await HandoversAsync(f.Child.Id)).Count == 1);

        var draft = Assert.Single(await HandoversAsync(f.Child.Id));
        Assert.Equal(HandoverStatus.Draft, draft.Status);
        Assert.True(await app.WithDbAsync(db => db.HandoverItems.AnyAsync(i => i.HandoverId == draft.Id && i.Text == Agreement)));
        Assert.Empty(await HandoversAsync(elsewhere.Id));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class HandoverDraftTests_Sqlite(SqliteApp app) : HandoverDraftTests(app);

[Collection(PostgresCollection.Name), Trait("Provider", "Postgres")]
public sealed class HandoverDraftTests_Postgres(PostgresApp app) : HandoverDraftTests(app);

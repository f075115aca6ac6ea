using System.Net;
using Driehoek.Tests.Records;
using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;
using Driehoek.Web.Features.Rounds;
using static Driehoek.Tests.Handover.HandoverWorld;

namespace Driehoek.Tests.Handover;

/// <summary>
/// A student who moves to another school of the board (group 8 of the primary school to the board's secondary school)
/// takes the handover of their last year along where the board allows it, and only to those who take them over there.
/// </summary>
public abstract class BoardTransferTests(TestApp app)
{
    [Fact]
    public async Task Where_the_board_allows_the_new_schools_mentor_and_care_coordinator_read_the_released_handover_with_the_old_schools_name()
    {
        var (h, at) = await app.MovesWithinBoardAsync(boardAllows: true);
        var care = await at.School.StaffAsync(StaffRole.CareCoordinator);
        var otherGroup = new Group { SchoolId = at.School.Id, SchoolYearId = at.Year.Id, Name = $"1C {Guid.NewGuid():N}"[..12], Level = 1 };
        await app.WithDbAsync(db => { db.Groups.Add(otherGroup); return db.SaveChangesAsync(); });
        var otherMentor = await at.School.StaffAsync(StaffRole.Mentor, otherGroup);

        using (var mentor = await app.SignInAsync(at.Mentor.Email!))
        {
            var page = await mentor.GetAsync(at.Url(h.School.Year));
            Assert.Equal(HttpStatusCode.OK, page.Status);
            foreach (var text in new[] { Agreement, FamilyNote, StaffNote, Summary })
            {
                Assert.Contains(text, page.Main);
            }
            Assert.DoesNotContain(CareNote, page.Html);
            Assert.Contains($"Deze overdracht komt van {h.School.School.Name}", page.Main);
            Assert.Null(page.Find("form.handover-review"));
            // Their own page of the student and its timeline link to the year brought along.
            Assert.NotNull((await mentor.GetAsync($"/students/{at.StudentId}/handover")).Find($"a[href='{at.Url(h.School.Year)}']"));
            Assert.NotNull((await mentor.GetAsync($"/students/{at.StudentId}/timeline")).Find($"a[href='{at.Url(h.School.Year)}']"));
        }
        var handover = await app.WithDbAsync(db => db.StudentHandovers.SingleAsync(x => x.StudentId == h.Child.Id));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Subject == "handover" && a.SubjectId == handover.Id
                                                                              && a.UserId == at.Mentor.UserId && a.SchoolId == at.School.Id)));
        Assert.Equal(at.Mentor.Name, handover.ReadByName);

        using (var coordinator = await app.SignInAsync(care.Email!))
        {
            Assert.Contains(CareNote, (await coordinator.GetAsync(at.Url(h.School.Year))).Main);
        }
        using (var leader = await app.SignInAsync((await at.School.StaffAsync(StaffRole.SchoolLeader)).Email!))
        {
            var page = await leader.GetAsync(at.Url(h.School.Year));
            Assert.Contains(Agreement, page.Main);
            Assert.DoesNotContain(CareNote, page.Html);
        }
        using (var other = await app.SignInAsync(otherMentor.Email!))
        {
            Assert.Equal(HttpStatusCode.NotFound, await other.StatusAsync(at.Url(h.School.Year)));
            Assert.Equal(HttpStatusCode.NotFound, await other.StatusAsync($"/students/{at.StudentId}/handover"));
        }
        // Read, never changed, at the new school: the old school's form refuses its mentor.
        using (var mentor = await app.SignInAsync(at.Mentor.Email!))
        {
            var token = await mentor.TokenAsync("/language");
            var review = await mentor.PostAsync($"/students/{at.StudentId}/handover", [new("year", h.School.Year.Id.ToString()),
                new("version", handover.Version.ToString()), new("line", "Overgenomen."), new("release", "true"), new("__RequestVerificationToken", token)],
                follow: false);
            Assert.Equal(HttpStatusCode.NotFound, review.Status);
            Assert.Equal(HttpStatusCode.NotFound, await mentor.StatusAsync(h.ThisYearUrl));
        }
        Assert.False(await app.WithDbAsync(db => db.HandoverItems.AnyAsync(i => i.Text == "Overgenomen.")));

        // The family still reads it as before.
        using var parent = await app.SignInAsync(h.Parent.Email!);
        Assert.Contains(Agreement, (await parent.GetAsync(h.FamilyUrl)).Main);
    }

    [Fact]
    public async Task The_start_conversation_at_the_new_school_opens_with_the_handover_brought_along()
    {
        var (h, at) = await app.MovesWithinBoardAsync(boardAllows: true);
        var newStudent = new Person(at.StudentId, h.Child.Name, null, null);
        var booking = await app.ConversationAsync(at.School, at.Group, at.Mentor, newStudent, h.Parent, ConversationForm.StartConversation, RoundKind.Start, 5);
        var roundId = await app.WithDbAsync(async db =>
        {
            var round = await db.Bookings.Where(b => b.Id == booking).Join(db.Rounds, b => b.RoundId, r => r.Id, (b, r) => r).SingleAsync();
            round.SchoolYearId = at.Year.Id;
            round.Handover = true;
            await db.SaveChangesAsync();
            return round.Id;
        });

        using var mentor = await app.SignInAsync(at.Mentor.Email!);
        var box = (await mentor.GetAsync($"/bookings/{booking}/record")).Find("section.handover-box");
        Assert.NotNull(box);
        Assert.Contains(Agreement, box.TextContent);
        Assert.Contains(h.School.School.Name, box.TextContent);
        Assert.DoesNotContain(CareNote, box.TextContent);
        // The invitation to the new school's start conversation tells the parents the new mentor read it.
        using (var parent = await app.SignInAsync(h.Parent.Email!))
        {
            var invitation = await parent.GetAsync($"/rounds/{roundId}/invitation?student={at.StudentId}");
            Assert.Contains($"{at.Mentor.Name} heeft de overdracht van vorig jaar gelezen.", invitation.Find(".handover-read")?.TextContent);
        }

        // Where the board does not allow it, the same conversation opens without it.
        await app.WithDbAsync(db => db.Boards.Where(b => b.Id == h.School.BoardId).ExecuteUpdateAsync(s => s.SetProperty(b => b.HandoverFollowsStudent, false)));
        Assert.Null((await mentor.GetAsync($"/bookings/{booking}/record")).Find("section.handover-box"));
    }

    [Fact]
    public async Task A_board_admin_turns_the_rule_on_and_from_then_the_new_mentor_reads_it()
    {
        var (h, at) = await app.MovesWithinBoardAsync(boardAllows: false);
        using var mentor = await app.SignInAsync(at.Mentor.Email!);
        Assert.Equal(HttpStatusCode.NotFound, await mentor.StatusAsync(at.Url(h.School.Year)));

        var admin = await app.World.BoardAdminAsync(h.School.BoardId);
        using (var board = await app.SignInAsync(admin.Email!))
        {
            var page = await board.GetAsync($"/board/{h.School.BoardId}");
            Assert.Contains("geboortedatum", page.Find("#handoverFollowsStudent-hint")!.TextContent);
            var saved = await board.SubmitAsync(page, new() { ["handoverFollowsStudent"] = "true", ["twoFactorForAdmins"] = "true" }, "main form[method=post]");
            Assert.NotNull(saved.Find("#handoverFollowsStudent[checked]"));
        }
        Assert.Contains(Agreement, (await mentor.GetAsync(at.Url(h.School.Year))).Main);
    }

    [Fact]
    public async Task Where_the_board_does_not_allow_it_nobody_at_the_new_school_reads_anything_of_it()
    {
        var (h, at) = await app.MovesWithinBoardAsync(boardAllows: false);
        var care = await at.School.StaffAsync(StaffRole.CareCoordinator);
        var leader = await at.School.StaffAsync(StaffRole.SchoolLeader);
        foreach (var email in new[] { at.Mentor.Email!, care.Email!, leader.Email! })
        {
            using var client = await app.SignInAsync(email);
            Assert.Equal(HttpStatusCode.NotFound, await client.StatusAsync(at.Url(h.School.Year)));
            var own = await client.GetAsync($"/students/{at.StudentId}/handover");
            Assert.DoesNotContain(Agreement, own.Html);
            Assert.Null(own.Find($"a[href='{at.Url(h.School.Year)}']"));
            Assert.DoesNotContain(Agreement, (await client.GetAsync($"/students/{at.StudentId}/timeline")).Html);
        }
        var handover = await app.WithDbAsync(db => db.StudentHandovers.SingleAsync(x => x.StudentId == h.Child.Id));
        Assert.Null(handover.ReadAt);
    }

    [Fact]
    public async Task A_same_named_student_at_a_school_of_another_board_is_never_the_one_who_moved()
    {
        // Even a guardian record shared across boards (which an import never makes) does not link them.
        var (h, at) = await app.MovesWithinBoardAsync(boardAllows: true, to: async _ =>
        {
            var stranger = await app.World.SchoolAsync(SchoolKind.Secondary);
            await app.WithDbAsync(db => db.Boards.Where(b => b.Id == stranger.BoardId)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.HandoverFollowsStudent, true)));
            return stranger;
        });
        Assert.NotEqual(h.School.BoardId, at.School.BoardId);
        using var mentor = await app.SignInAsync(at.Mentor.Email!);
        Assert.Equal(HttpStatusCode.NotFound, await mentor.StatusAsync(at.Url(h.School.Year)));
        Assert.DoesNotContain(Agreement, (await mentor.GetAsync($"/students/{at.StudentId}/handover")).Html);
    }

    [Fact]
    public async Task A_same_named_student_of_the_board_without_a_guardian_in_common_is_not_linked()
    {
        var (h, at) = await app.MovesWithinBoardAsync(boardAllows: true, guardian: async school =>
        {
            var otherChild = await school.StudentAsync(await school.GroupAsync());
            return await school.GuardianAsync([otherChild]);
        });
        using var mentor = await app.SignInAsync(at.Mentor.Email!);
        Assert.Equal(HttpStatusCode.NotFound, await mentor.StatusAsync(at.Url(h.School.Year)));
        Assert.DoesNotContain(Agreement, (await mentor.GetAsync($"/students/{at.StudentId}/handover")).Html);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class BoardTransferTests_Sqlite(SqliteApp app) : BoardTransferTests(app);

[Collection(PostgresCollection.Name), Trait("Provider", "Postgres")]
public sealed class BoardTransferTests_Postgres(PostgresApp app) : BoardTransferTests(app);

using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Driehoek.Tests.Agreements;
using Driehoek.Web.Features.Handover;
using Driehoek.Web.Features.People;
using static Driehoek.Tests.Handover.HandoverWorld;

namespace Driehoek.Tests.Handover;

public abstract class HandoverTests(TestApp app)
{
    [Fact]
    public async Task The_outgoing_teacher_compiles_and_releases_and_next_years_teacher_reads_only_what_went_over()
    {
        var h = await app.HandoverFamilyAsync();
        await app.YearDataAsync(h);
        var care = await h.School.StaffAsync(StaffRole.CareCoordinator);

        using var teacher = await app.SignInAsync(h.Teacher.Email!);
        var empty = await teacher.GetAsync(h.StaffUrl);
        Assert.Equal(HttpStatusCode.OK, empty.Status);
        Assert.Contains("nog niet samengesteld", empty.Main);
        var review = await teacher.CompileAsync(h);
        foreach (var text in new[] { Agreement, FamilyNote, StaffNote, CareNote, Summary, "Niveau 2: leerlingbespreking" })
        {
            Assert.Contains(text, review.Main);
        }
        Assert.DoesNotContain(NotForHandover, review.Main);

        using var next = await app.SignInAsync(h.NextTeacher.Email!);
        // A draft is not handed over yet: next year's teacher reads none of it.
        var draft = await next.GetAsync(h.ThisYearUrl);
        Assert.Equal(HttpStatusCode.OK, draft.Status);
        Assert.Contains("nog niet vrijgegeven", draft.Main);
        Assert.DoesNotContain(Agreement, draft.Html);

        var released = await teacher.ReviewAsync(review, exclude: [StaffNote], line: "Noor tekent graag <b>strips</b>.", release: true);
        Assert.Empty(released.Errors);
        Assert.Contains("vrijgegeven", released.Main);

        var read = await next.GetAsync(h.ThisYearUrl);
        foreach (var text in new[] { Agreement, FamilyNote, Summary, "Niveau 2: leerlingbespreking", "Noor tekent graag <b>strips</b>." })
        {
            Assert.Contains(text, read.Main);
        }
        Assert.DoesNotContain(StaffNote, read.Html);
        Assert.DoesNotContain(CareNote, read.Html);
        Assert.DoesNotContain("<b>strips</b>", read.Html);
        var handover = await app.WithDbAsync(db => db.StudentHandovers.SingleAsync(x => x.StudentId == h.Child.Id));
        Assert.NotNull(handover.ReadAt);
        Assert.Equal(h.NextTeacher.Name, handover.ReadByName);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Subject == "handover" && a.SubjectId == handover.Id
                                                                              && a.UserId == h.NextTeacher.UserId)));

        // Care notes pass to the care coordinator only; the leaders do not read them.
        using (var coordinator = await app.SignInAsync(care.Email!))
        {
            var page = await coordinator.GetAsync(h.ThisYearUrl);
            Assert.Contains(CareNote, page.Main);
        }
        using (var leader = await app.SignInAsync(h.F.Leader.Email!))
        {
            var page = await leader.GetAsync(h.ThisYearUrl);
            Assert.Contains(Agreement, page.Main);
            Assert.DoesNotContain(CareNote, page.Html);
        }

        // Released is final: the review form is gone and a form sent anyway is refused.
        Assert.Null(read.Find("form.handover-review"));
        var again = await teacher.PostAsync(h.ThisYearUrl, [new("year", h.School.Year.Id.ToString()), new("version", handover.Version.ToString()),
            new("__RequestVerificationToken", await teacher.TokenAsync("/language")), new("line", "Te laat."), new("release", "false")]);
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Contains("al vrijgegeven", string.Join(" ", again.Errors));
        Assert.False(await app.WithDbAsync(db => db.HandoverItems.AnyAsync(i => i.Text == "Te laat.")));
    }

    [Fact]
    public async Task Another_family_another_groups_teacher_next_years_teacher_and_another_school_cannot_change_or_read_it()
    {
        var h = await app.HandoverFamilyAsync();
        await app.YearDataAsync(h);
        var otherGroup = await h.School.GroupAsync();
        var otherTeacher = await h.School.StaffAsync(StaffRole.GroupTeacher, otherGroup);
        var otherChild = await h.School.StudentAsync(otherGroup);
        var otherParent = await h.School.GuardianAsync([otherChild]);
        var withoutAuthority = await h.School.GuardianAsync([h.Child], authority: false);
        var elsewhere = await app.World.SchoolAsync();
        var otherLeader = await elsewhere.StaffAsync(StaffRole.SchoolLeader);
        await app.ReleaseAsync(h);
        var version = await app.WithDbAsync(db => db.StudentHandovers.Where(x => x.StudentId == h.Child.Id).Select(x => x.Version).SingleAsync());
        // Released: the parent with parental authority hears of it, the one without does not.
        Assert.Contains(await app.OutboxMailsAsync(h.Parent.Email!), m => m.Subject.Contains("Overdracht", StringComparison.Ordinal));
        Assert.DoesNotContain(await app.OutboxMailsAsync(withoutAuthority.Email!), m => m.Subject.Contains("Overdracht", StringComparison.Ordinal));

        foreach (var email in new[] { otherTeacher.Email!, otherLeader.Email!, otherParent.Email!, withoutAuthority.Email! })
        {
            using var client = await app.SignInAsync(email);
            var token = await client.TokenAsync("/language");
            Assert.Equal(HttpStatusCode.NotFound, await client.StatusAsync(h.StaffUrl));
            Assert.Equal(HttpStatusCode.NotFound, await client.StatusAsync(h.ThisYearUrl));
            Assert.Equal(HttpStatusCode.NotFound, await client.StatusAsync(h.FamilyUrl));
            var compile = await client.PostAsync(h.StaffUrl + "?handler=Compile", [new("year", h.School.Year.Id.ToString()), new("__RequestVerificationToken", token)], follow: false);
            Assert.Equal(HttpStatusCode.NotFound, compile.Status);
            var add = await client.PostAsync(h.FamilyUrl + "?handler=Add",
                [new("handoverId", (await HandoverIdAsync(h)).ToString()), new("text", "Niet van jou."), new("__RequestVerificationToken", token)], follow: false);
            Assert.Equal(HttpStatusCode.NotFound, add.Status);
        }

        // Next year's teacher reads it, but only this year's teacher compiles, chooses and releases.
        using (var next = await app.SignInAsync(h.NextTeacher.Email!))
        {
            var token = await next.TokenAsync("/language");
            var review = await next.PostAsync(h.StaffUrl, [new("year", h.School.Year.Id.ToString()), new("version", version.ToString()),
                new("line", "Overgenomen."), new("release", "true"), new("__RequestVerificationToken", token)], follow: false);
            Assert.Equal(HttpStatusCode.NotFound, review.Status);
            var compile = await next.PostAsync(h.StaffUrl + "?handler=Compile", [new("year", h.School.Year.Id.ToString()), new("version", version.ToString()),
                new("__RequestVerificationToken", token)], follow: false);
            Assert.Equal(HttpStatusCode.NotFound, compile.Status);
        }
        Assert.False(await app.WithDbAsync(db => db.HandoverItems.AnyAsync(i => i.Text == "Niet van jou." || i.Text == "Overgenomen.")));
    }

    private Task<Guid> HandoverIdAsync(HandoverFamily h) =>
        app.WithDbAsync(db => db.StudentHandovers.Where(x => x.StudentId == h.Child.Id).Select(x => x.Id).SingleAsync());

    [Fact]
    public async Task Parents_read_the_shared_part_in_Polish_and_add_a_line_that_next_years_teacher_reads()
    {
        var h = await app.HandoverFamilyAsync(language: "pl");
        await app.YearDataAsync(h);
        await app.ReleaseAsync(h);
        // The parents hear of it in their language, with the way to it.
        var mail = Assert.Single(await app.OutboxMailsAsync(h.Parent.Email!), m => m.Subject.StartsWith("Przekazanie informacji", StringComparison.Ordinal));
        Assert.Contains($"/children/{h.Child.Id}/handover", mail.TextBody);
        Assert.Contains(h.Teacher.Name, mail.TextBody);
        app.MissingResources.Clear();
        using var parent = await app.SignInAsync(h.Parent.Email!);
        var page = await parent.GetAsync(h.FamilyUrl);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Otwarte ustalenia", page.Main);
        Assert.Contains("Przekazanie informacji", page.Main);
        Assert.Contains(Agreement, page.Main);
        Assert.Contains(FamilyNote, page.Main);
        Assert.Contains(Summary, page.Main);
        // Never a staff-only or care item, never the support level.
        Assert.DoesNotContain(StaffNote, page.Html);
        Assert.DoesNotContain(CareNote, page.Html);
        Assert.DoesNotContain("leerlingbespreking", page.Html);

        var empty = await parent.SubmitAsync(page, new() { ["text"] = "  " }, "form.add-line");
        Assert.Single(empty.Errors);
        var tooLong = await parent.SubmitAsync(page, new() { ["text"] = new string('ą', HandoverRules.MaxFamilyLine + 1) }, "form.add-line");
        Assert.Equal(HttpStatusCode.OK, tooLong.Status);
        Assert.Single(tooLong.Errors);
        var added = await parent.SubmitAsync(page, new() { ["text"] = "Noor ma alergię na orzechy <script>alert(1)</script>" }, "form.add-line");
        Assert.Empty(added.Errors);
        Assert.Contains("Noor ma alergię na orzechy <script>alert(1)</script>", added.Main);
        Assert.DoesNotContain("<script>alert(1)</script>", added.Html);
        Assert.DoesNotContain(app.MissingResources.All, m => m.StartsWith("HandoverFamilyText:", StringComparison.Ordinal));

        using var next = await app.SignInAsync(h.NextTeacher.Email!);
        Assert.Contains("Noor ma alergię na orzechy", (await next.GetAsync(h.ThisYearUrl)).Main);
        // The line is the family's: one person adds a handful, no more.
        for (var i = 1; i < HandoverRules.MaxFamilyLinesPerPerson; i++)
        {
            Assert.Empty((await parent.SubmitAsync(h.FamilyUrl, new() { ["text"] = $"Aanvulling {i}" }, "form.add-line")).Errors);
        }
        Assert.Null((await parent.GetAsync(h.FamilyUrl)).Find("form.add-line"));
        var token = await parent.TokenAsync("/language");
        var refused = await parent.PostAsync(h.FamilyUrl + "?handler=Add", [new("handoverId", (await HandoverIdAsync(h)).ToString()),
            new("text", "Nog een."), new("__RequestVerificationToken", token)]);
        Assert.Single(refused.Errors);
        Assert.Equal(HandoverRules.MaxFamilyLinesPerPerson,
            await app.WithDbAsync(db => db.HandoverItems.CountAsync(i => i.Kind == HandoverItemKind.FamilyLine && i.AuthorUserId == h.Parent.UserId)));
    }

    [Fact]
    public async Task The_student_reads_the_handover_only_from_the_age_the_school_sets()
    {
        var h = await app.HandoverFamilyAsync();
        await app.YearDataAsync(h);
        await app.ReleaseAsync(h);
        using var student = await app.SignInAsync(h.Child.Email!);
        var hidden = await student.GetAsync(h.FamilyUrl);
        Assert.Equal(HttpStatusCode.OK, hidden.Status);
        Assert.Contains("niet lezen", hidden.Main);
        Assert.DoesNotContain(Agreement, hidden.Html);
        var token = await student.TokenAsync("/language");
        var refused = await student.PostAsync(h.FamilyUrl + "?handler=Add", [new("handoverId", (await HandoverIdAsync(h)).ToString()),
            new("text", "Ik wil ook iets zeggen."), new("__RequestVerificationToken", token)]);
        Assert.Single(refused.Errors);

        // The child was born on 1 March 2015: eleven at the test clock's start.
        using (var leader = await app.SignInAsync(h.F.Leader.Email!))
        {
            var outOfRange = await leader.SubmitAsync($"/school/{h.School.Id}/handover-settings", new() { ["studentsFromAge"] = "99" });
            Assert.Single(outOfRange.Errors);
            Assert.Empty((await leader.SubmitAsync($"/school/{h.School.Id}/handover-settings", new() { ["studentsFromAge"] = "12" })).Errors);
        }
        Assert.Contains("vanaf 12 jaar", (await student.GetAsync(h.FamilyUrl)).Main);
        using (var leader = await app.SignInAsync(h.F.Leader.Email!))
        {
            Assert.Empty((await leader.SubmitAsync($"/school/{h.School.Id}/handover-settings", new() { ["studentsFromAge"] = "11" })).Errors);
        }
        var shown = await student.GetAsync(h.FamilyUrl);
        Assert.Contains(Agreement, shown.Main);
        Assert.Contains("Mijn overdracht", shown.Main);
        Assert.DoesNotContain(StaffNote, shown.Html);
        Assert.Empty((await student.SubmitAsync(shown, new() { ["text"] = "Ik wil ook iets zeggen." }, "form.add-line")).Errors);
    }

    [Fact]
    public async Task The_start_conversation_opens_with_last_years_handover_and_the_invitation_tells_the_parents_it_was_read()
    {
        var h = await app.HandoverFamilyAsync();
        await app.YearDataAsync(h);
        var (booking, round) = await app.StartConversationAsync(h);
        await app.ReleaseAsync(h);
        using var parent = await app.SignInAsync(h.Parent.Email!);
        var invitation = $"/rounds/{round}/invitation?student={h.Child.Id}";
        var before = await parent.GetAsync(invitation);
        Assert.Equal(HttpStatusCode.OK, before.Status);
        Assert.Null(before.Find(".handover-read"));

        using var next = await app.SignInAsync(h.NextTeacher.Email!);
        var record = await next.GetAsync($"/bookings/{booking}/record");
        Assert.Equal(HttpStatusCode.OK, record.Status);
        var box = record.Find("section.handover-box");
        Assert.NotNull(box);
        Assert.Contains(Agreement, box.TextContent);
        Assert.Contains($"Overdracht van schooljaar {h.School.Year.Name}", box.TextContent);

        var after = await parent.GetAsync(invitation);
        Assert.Contains($"{h.NextTeacher.Name} heeft de overdracht van vorig jaar gelezen.", after.Find(".handover-read")?.TextContent);

        // Without the round's handover setting the start conversation stands alone.
        await app.WithDbAsync(db => db.Rounds.Where(r => r.Id == round).ExecuteUpdateAsync(s => s.SetProperty(r => r.Handover, false)));
        Assert.Null((await next.GetAsync($"/bookings/{booking}/record")).Find("section.handover-box"));
        Assert.Null((await parent.GetAsync(invitation)).Find(".handover-read"));
    }

    [Fact]
    public async Task The_invitation_e_mail_to_the_start_conversation_says_in_the_familys_language_that_the_new_teacher_has_read_the_handover()
    {
        var h = await app.HandoverFamilyAsync("pl");
        await app.YearDataAsync(h);
        var (booking, round) = await app.StartConversationAsync(h);
        await app.ReleaseAsync(h);
        const string ReadLine = "przekazanie informacji z ze";
        async Task InviteAgainAsync()
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.RoundInvitations.Where(i => i.RoundId == round).ExecuteDeleteAsync();
            var conversationRound = await db.Rounds.SingleAsync(r => r.Id == round);
            await scope.ServiceProvider.GetRequiredService<Driehoek.Web.Features.Rounds.RoundInvitationSender>()
                .SendMissingInChunksAsync(conversationRound, 50, (_, _) => { }, CancellationToken.None);
        }

        await InviteAgainAsync();
        Assert.Equal(0, await app.OutboxCountAsync(h.Parent.Email!, ReadLine));

        using var next = await app.SignInAsync(h.NextTeacher.Email!);
        Assert.Equal(HttpStatusCode.OK, (await next.GetAsync($"/bookings/{booking}/record")).Status);
        await InviteAgainAsync();

        Assert.Equal(1, await app.OutboxCountAsync(h.Parent.Email!, $"{h.NextTeacher.Name} przeczyta"));
        Assert.Equal(1, await app.OutboxCountAsync(h.Parent.Email!, ReadLine));
    }

    [Fact]
    public async Task Two_reviews_of_the_same_version_the_second_is_told_it_changed_meanwhile()
    {
        var h = await app.HandoverFamilyAsync();
        await app.YearDataAsync(h);
        using var teacher = await app.SignInAsync(h.Teacher.Email!);
        var review = await teacher.CompileAsync(h);
        using var leader = await app.SignInAsync(h.F.Leader.Email!);
        var leaders = await leader.GetAsync(h.ThisYearUrl);

        Assert.Empty((await teacher.ReviewAsync(review, exclude: [FamilyNote], line: "Eerste.")).Errors);
        var late = await leader.ReviewAsync(leaders, exclude: [], line: "Tweede.", release: true);
        Assert.Contains("intussen", string.Join(" ", late.Errors));
        var handover = await app.WithDbAsync(db => db.StudentHandovers.SingleAsync(x => x.StudentId == h.Child.Id));
        Assert.Equal(HandoverStatus.Draft, handover.Status);
        Assert.False(await app.WithDbAsync(db => db.HandoverItems.AnyAsync(i => i.Text == "Tweede.")));
        Assert.False(await app.WithDbAsync(db => db.HandoverItems.Where(i => i.HandoverId == handover.Id && i.Kind == HandoverItemKind.Note && i.Text == FamilyNote)
            .Select(i => i.Included).SingleAsync()));

        // Compiling again keeps what was unticked and the added line, and drops an agreement since done.
        await app.WithDbAsync(db => db.Agreements.Where(a => a.StudentId == h.Child.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, Web.Features.Agreements.AgreementStatus.Done)));
        var recompiled = await teacher.SubmitAsync(await teacher.GetAsync(h.ThisYearUrl), new(), "form[action*='handler=Compile']");
        Assert.Empty(recompiled.Errors);
        Assert.DoesNotContain(Agreement, recompiled.Main);
        Assert.Contains("Eerste.", recompiled.Main);
        var familyNote = recompiled.FindAll("form.handover-review .handover-item").Single(i => i.TextContent.Contains(FamilyNote, StringComparison.Ordinal));
        Assert.False(familyNote.QuerySelector("input")!.HasAttribute("checked"));
    }

    [Fact]
    public async Task The_timeline_shows_the_handover_to_staff_once_they_may_read_it_and_to_the_family_once_released()
    {
        var h = await app.HandoverFamilyAsync();
        await app.YearDataAsync(h);
        using var teacher = await app.SignInAsync(h.Teacher.Email!);
        var review = await teacher.CompileAsync(h);
        using var next = await app.SignInAsync(h.NextTeacher.Email!);
        using var parent = await app.SignInAsync(h.Parent.Email!);
        var timeline = $"/students/{h.Child.Id}/timeline?kind=Handover";
        Assert.Single((await teacher.GetAsync(timeline)).FindAll("li.timeline-item.handover"));
        Assert.Empty((await next.GetAsync(timeline)).FindAll("li.timeline-item.handover"));
        Assert.Empty((await parent.GetAsync($"/children/{h.Child.Id}/timeline")).FindAll("li.timeline-item.handover"));

        Assert.Empty((await teacher.ReviewAsync(review, exclude: [], release: true)).Errors);
        var staff = (await next.GetAsync(timeline)).FindAll("li.timeline-item.handover").Single();
        Assert.Contains("Vrijgegeven", staff.TextContent);
        Assert.Equal(h.ThisYearUrl, staff.QuerySelector("h3 a")!.GetAttribute("href"));
        var family = (await parent.GetAsync($"/children/{h.Child.Id}/timeline")).FindAll("li.timeline-item.handover").Single();
        Assert.Equal(h.FamilyUrl, family.QuerySelector("h3 a")!.GetAttribute("href"));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class HandoverTests_Sqlite(SqliteApp app) : HandoverTests(app);

[Collection(PostgresCollection.Name), Trait("Provider", "Postgres")]
public sealed class HandoverTests_Postgres(PostgresApp app) : HandoverTests(app);

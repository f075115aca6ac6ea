using System.Net;
using Driehoek.Web.Features.Agreements;
using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;

namespace Driehoek.Tests.Agreements;

public abstract class AgreementTests(TestApp app)
{
    [Fact]
    public async Task The_teacher_records_two_agreements_after_a_held_conversation_and_the_parent_confirms_one_in_Turkish_and_reacts_to_the_other()
    {
        var (f, bookingId) = await app.HeldConversationAsync(language: "tr");
        using (var teacher = await app.SignInAsync(f.Teacher.Email!))
        {
            var booking = await teacher.GetAsync($"/bookings/{bookingId}");
            var link = booking.Find(".open-agreements a.button")!.GetAttribute("href")!;
            Assert.Contains($"booking={bookingId}", link);
            var form = await teacher.GetAsync(link);
            var first = await teacher.RecordAsync(form, AgreementWorld.Guardian(f.Parent), "Elke avond twintig minuten samen lezen", why: "Begrijpend lezen");
            Assert.Empty(first.Errors);
            var second = await teacher.RecordAsync(first, AgreementWorld.Staff(f.Teacher), "De leerkracht stuurt elke vrijdag het weekplan");
            Assert.Empty(second.Errors);
            Assert.Equal(2, second.FindAll("article.agreement").Count());
        }
        var ids = await app.WithDbAsync(db => db.Agreements.Where(a => a.StudentId == f.Child.Id).OrderBy(a => a.CreatedAt)
            .Select(a => new { a.Id, a.BookingId }).ToListAsync());
        Assert.All(ids, a => Assert.Equal(bookingId, a.BookingId));

        // The family hears of both in one e-mail, in Turkish, once the teacher has finished; a later pass sends nothing again.
        await app.AtAsync(TestClock.Start.AddMinutes(5), () => app.RunAgreementNoticesAsync());
        Assert.DoesNotContain(await app.OutboxMailsAsync(f.Parent.Email!), m => m.Subject.Contains("anlaşma", StringComparison.Ordinal));
        await app.AtAsync(TestClock.Start.AddMinutes(15), async () =>
        {
            await app.RunAgreementNoticesAsync();
            await app.RunAgreementNoticesAsync();
        });
        var mail = Assert.Single(await app.OutboxMailsAsync(f.Parent.Email!), m => m.Subject.Contains("anlaşma", StringComparison.Ordinal));
        Assert.Contains("yeni anlaşmalar", mail.Subject);
        Assert.Equal("tr", mail.Language);
        Assert.Contains("Elke avond twintig minuten samen lezen", mail.TextBody);
        Assert.Contains("weekplan", mail.TextBody);
        Assert.Contains($"/children/{f.Child.Id}/agreements", mail.TextBody);

        using var parent = await app.SignInAsync(f.Parent.Email!);
        var page = await parent.GetAsync($"/children/{f.Child.Id}/agreements");
        Assert.Equal("tr", page.Document.DocumentElement.GetAttribute("lang"));
        Assert.Contains("ile ilgili anlaşmalar", page.Find("h1")!.TextContent);
        var confirmed = await parent.SubmitAsync(page, [], $"#agreement-{ids[0].Id} form.confirm");
        Assert.Contains("yanıtınız kaydedildi", confirmed.Find(".notice")!.TextContent);
        Assert.Null(confirmed.Find($"#agreement-{ids[0].Id} form.confirm"));
        var reacted = await parent.SubmitAsync(confirmed, new() { ["reaction"] = "Cuma yerine perşembe olabilir mi?" }, $"#agreement-{ids[1].Id} form.react");
        Assert.Contains("Cuma yerine perşembe", reacted.Find($"#agreement-{ids[1].Id} .reaction")!.TextContent);

        using var staff = await app.SignInAsync(f.Teacher.Email!);
        var list = await staff.GetAsync($"/students/{f.Child.Id}/agreements");
        Assert.NotNull(list.Find($"#agreement-{ids[0].Id} .confirmed"));
        Assert.Null(list.Find($"#agreement-{ids[1].Id} .confirmed"));
        Assert.Contains("Cuma yerine perşembe", list.Find($"#agreement-{ids[1].Id} .reaction")!.TextContent);
    }

    [Fact]
    public async Task The_student_sees_and_confirms_their_own_agreement_but_nothing_of_another_student()
    {
        var school = await app.World.SchoolAsync(SchoolKind.Secondary);
        var group = await school.GroupAsync();
        var mentor = await school.StaffAsync(StaffRole.Mentor, group);
        var student = await school.StudentAsync(group, firstName: "Sem", login: true);
        var classmate = await school.StudentAsync(group, firstName: "Lina", login: true);
        var own = await app.AgreementAsync(mentor.Email!, student.Id, "student", "Sem plant zijn huiswerk in de agenda");
        await app.AgreementAsync(mentor.Email!, student.Id, AgreementWorld.Staff(mentor), "De mentor kijkt wekelijks mee");
        await app.AgreementAsync(mentor.Email!, classmate.Id, "student", "Lina oefent Franse woordjes");

        using var client = await app.SignInAsync(student.Email!);
        var page = await client.GetAsync($"/children/{student.Id}/agreements");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Sem plant zijn huiswerk", page.Main);
        Assert.DoesNotContain("Lina", page.Main);
        // The student confirms the one that is theirs; the mentor's is not theirs to confirm.
        Assert.Single(page.FindAll("form.confirm"));
        var confirmed = await client.SubmitAsync(page, [], $"#agreement-{own} form.confirm");
        Assert.NotNull(confirmed.Find($"#agreement-{own} .confirmed"));
        Assert.Equal(HttpStatusCode.NotFound, await client.StatusAsync($"/children/{classmate.Id}/agreements"));

        // A school that does not show agreements to students (its leader's choice; a mentor has no say): the page says so and shows none.
        using (var teacher = await app.SignInAsync(mentor.Email!))
        {
            Assert.Equal(HttpStatusCode.NotFound, await teacher.StatusAsync($"/school/{school.Id}/agreement-settings"));
        }
        var leader = await school.StaffAsync(StaffRole.SchoolLeader);
        using (var boss = await app.SignInAsync(leader.Email!))
        {
            var settings = await boss.GetAsync($"/school/{school.Id}/agreement-settings");
            Assert.NotNull(settings.Find("#studentsSee[checked]"));
            var saved = await boss.SubmitAsync(settings, new() { ["studentsSee"] = "false", ["reminderDaysBefore"] = "5" });
            Assert.NotNull(saved.Find(".notice"));
        }
        var hidden = await client.GetAsync($"/children/{student.Id}/agreements");
        Assert.DoesNotContain("Sem plant zijn huiswerk", hidden.Main);
        Assert.NotNull(hidden.Find("p.empty"));
    }

    [Fact]
    public async Task A_parent_without_parental_authority_sees_nothing_unless_the_school_shares_conversation_outcomes()
    {
        var f = await app.RoundFamilyAsync();
        var limited = await f.School.GuardianAsync([f.Child], authority: false);
        await app.AgreementAsync(f.Teacher.Email!, f.Child.Id, "student", "Noor leest elke dag");
        using var client = await app.SignInAsync(limited.Email!);

        Assert.Equal(HttpStatusCode.NotFound, await client.StatusAsync($"/children/{f.Child.Id}/agreements"));
        await SetAccessAsync(LimitedGuardianAccess.GroupAndTeachers | LimitedGuardianAccess.ConversationRounds);
        Assert.Equal(HttpStatusCode.NotFound, await client.StatusAsync($"/children/{f.Child.Id}/agreements"));
        await SetAccessAsync(LimitedGuardianAccess.GroupAndTeachers | LimitedGuardianAccess.ConversationOutcomes);
        var page = await client.GetAsync($"/children/{f.Child.Id}/agreements");
        Assert.Contains("Noor leest elke dag", page.Main);

        Task SetAccessAsync(LimitedGuardianAccess access) => app.WithDbAsync(db =>
            db.Schools.Where(s => s.Id == f.School.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.LimitedGuardianAccess, access)));
    }

    [Fact]
    public async Task Another_family_another_groups_teacher_and_another_schools_leader_get_not_found()
    {
        var f = await app.RoundFamilyAsync();
        var id = await app.AgreementAsync(f.Teacher.Email!, f.Child.Id, "student", "Noor leest elke dag");
        var neighbour = await f.School.GuardianAsync([await f.School.StudentAsync(f.Group)]);
        var otherTeacher = await f.School.StaffAsync(StaffRole.GroupTeacher, await f.School.GroupAsync());
        var elsewhere = await app.World.SchoolAsync();
        var otherLeader = await elsewhere.StaffAsync(StaffRole.SchoolLeader);
        var leader = await f.School.StaffAsync(StaffRole.SchoolLeader);

        using (var client = await app.SignInAsync(neighbour.Email!))
        {
            Assert.Equal(HttpStatusCode.NotFound, await client.StatusAsync($"/children/{f.Child.Id}/agreements"));
            var token = await client.TokenAsync("/language");
            var post = await client.PostAsync($"/children/{f.Child.Id}/agreements?handler=Confirm",
                [new("agreementId", id.ToString()), new("__RequestVerificationToken", token)], follow: false);
            Assert.Equal(HttpStatusCode.NotFound, post.Status);
        }
        foreach (var email in new[] { otherTeacher.Email!, otherLeader.Email! })
        {
            using var client = await app.SignInAsync(email);
            Assert.Equal(HttpStatusCode.NotFound, await client.StatusAsync($"/students/{f.Child.Id}/agreements"));
            Assert.Equal(HttpStatusCode.NotFound, await client.StatusAsync($"/agreements/{id}/edit"));
            Assert.Equal(HttpStatusCode.NotFound, await client.StatusAsync($"/children/{f.Child.Id}/agreements"));
        }
        using var boss = await app.SignInAsync(leader.Email!);
        Assert.Equal(HttpStatusCode.OK, await boss.StatusAsync($"/agreements/{id}/edit"));
        Assert.Equal(0, await app.WithDbAsync(db => db.AgreementResponses.CountAsync(r => r.AgreementId == id)));
    }

    [Fact]
    public async Task The_owner_is_reminded_once_a_few_days_before_the_check_date_as_the_clock_moves()
    {
        var f = await app.RoundFamilyAsync(language: "en");
        await app.AgreementAsync(f.Teacher.Email!, f.Child.Id, AgreementWorld.Staff(f.Teacher), "Call about the reading plan");
        await app.AgreementAsync(f.Teacher.Email!, f.Child.Id, AgreementWorld.Guardian(f.Parent), "Read together every evening");
        await app.AtAsync(TestClock.Start.AddMinutes(15), () => app.RunAgreementNoticesAsync());

        // Check date 1 December: three days before is 28 November.
        await app.AtAsync(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero), () => app.RunAgreementNoticesAsync());
        Assert.Empty(await app.OutboxMailsAsync(f.Teacher.Email!));
        // Two instances at once, then a later pass: one reminder each all the same.
        await app.AtAsync(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero), () =>
            Task.WhenAll(app.RunAgreementNoticesAsync(), app.RunAgreementNoticesAsync()));
        await app.AtAsync(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero), () => app.RunAgreementNoticesAsync());

        var toParent = Assert.Single(await app.OutboxMailsAsync(f.Parent.Email!), m => m.Subject.StartsWith("Reminder: agreement", StringComparison.Ordinal));
        Assert.Contains("Read together every evening", toParent.TextBody);
        Assert.Contains($"/children/{f.Child.Id}/agreements", toParent.TextBody);
        var toTeacher = Assert.Single(await app.OutboxMailsAsync(f.Teacher.Email!), m => m.Subject.StartsWith("Herinnering: afspraak", StringComparison.Ordinal));
        Assert.Contains("Call about the reading plan", toTeacher.TextBody);
        Assert.Contains($"/students/{f.Child.Id}/agreements", toTeacher.TextBody);
    }

    [Fact]
    public async Task Overdue_agreements_show_for_the_group_teacher_and_on_the_student_record()
    {
        var f = await app.RoundFamilyAsync();
        var id = await app.AgreementAsync(f.Teacher.Email!, f.Child.Id, "student", "Noor oefent de tafels", checkOn: "2026-11-20");
        var otherTeacher = await f.School.StaffAsync(StaffRole.GroupTeacher, await f.School.GroupAsync());

        await app.AtAsync(new DateTimeOffset(2026, 11, 19, 9, 0, 0, TimeSpan.Zero), async () =>
        {
            using var teacher = await app.SignInAsync(f.Teacher.Email!);
            Assert.Null((await teacher.GetAsync("/teacher")).Find($"a[href='/students/{f.Child.Id}/agreements']"));
        });
        await app.AtAsync(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero), async () =>
        {
            using var teacher = await app.SignInAsync(f.Teacher.Email!);
            var home = await teacher.GetAsync("/teacher");
            Assert.Contains("terugkijkdatum voorbij", home.Find($"a[href='/students/{f.Child.Id}/agreements']")!.TextContent);
            var record = await teacher.GetAsync($"/students/{f.Child.Id}");
            Assert.Contains("Noor oefent de tafels", record.Find(".open-agreements li.overdue")!.TextContent);
            using var other = await app.SignInAsync(otherTeacher.Email!);
            Assert.Null((await other.GetAsync("/teacher")).Find($"a[href='/students/{f.Child.Id}/agreements']"));
        });
        Assert.NotEqual(Guid.Empty, id);
    }

    [Fact]
    public async Task The_next_conversation_opens_with_the_open_agreements_and_their_confirmations()
    {
        var f = await app.RoundFamilyAsync();
        var open = await app.AgreementAsync(f.Teacher.Email!, f.Child.Id, "student", "Noor leest elke dag een bladzijde");
        var done = await app.AgreementAsync(f.Teacher.Email!, f.Child.Id, "student", "Noor ruimt haar kastje op");
        using (var teacher = await app.SignInAsync(f.Teacher.Email!))
        {
            var edit = await teacher.GetAsync($"/agreements/{done}/edit");
            Assert.Empty((await teacher.SubmitAsync(edit, new() { ["status"] = "Done" })).Errors);
        }
        Guid bookingId;
        using (var parent = await app.SignInAsync(f.Parent.Email!))
        {
            await parent.SubmitAsync(await parent.GetAsync($"/children/{f.Child.Id}/agreements"), [], $"#agreement-{open} form.confirm");
            bookingId = await parent.BookAsync(f.Round.Id, f.Child.Id, f.Slots[1].Id);
            // The family's own booking page does not carry the staff's box.
            Assert.Null((await parent.GetAsync($"/bookings/{bookingId}")).Find(".open-agreements"));
        }

        using var staff = await app.SignInAsync(f.Teacher.Email!);
        var booking = await staff.GetAsync($"/bookings/{bookingId}");
        var box = booking.Find(".open-agreements")!.TextContent;
        Assert.Contains("Noor leest elke dag een bladzijde", box);
        Assert.Contains("Bevestigd door", box);
        Assert.DoesNotContain("kastje", box);
        var day = await staff.GetAsync($"/rounds/{f.Round.Id}/day?date={FollowThroughWorld.FirstDay}");
        Assert.Contains("Noor leest elke dag een bladzijde", day.Find($"#booking-{bookingId} .open-agreements")!.TextContent);
    }

    [Fact]
    public async Task Two_people_changing_one_agreement_at_once_get_changed_meanwhile_instead_of_a_silent_overwrite()
    {
        var f = await app.RoundFamilyAsync();
        var mentor = await f.School.StaffAsync(StaffRole.Mentor, f.Group);
        var id = await app.AgreementAsync(f.Teacher.Email!, f.Child.Id, "student", "Noor leest elke dag");
        using var teacher = await app.SignInAsync(f.Teacher.Email!);
        using var colleague = await app.SignInAsync(mentor.Email!);
        var mine = await teacher.GetAsync($"/agreements/{id}/edit");
        var theirs = await colleague.GetAsync($"/agreements/{id}/edit");

        Assert.Empty((await colleague.SubmitAsync(theirs, new() { ["What"] = "Noor leest elke dag twintig minuten" })).Errors);
        var stale = await teacher.SubmitAsync(mine, new() { ["What"] = "Noor leest drie keer per week" });

        Assert.Single(stale.Errors);
        Assert.Contains("twintig minuten", stale.Find(".changed-meanwhile")!.TextContent);
        Assert.Equal("Noor leest drie keer per week", stale.Find("textarea#What")!.TextContent);
        Assert.Equal("Noor leest elke dag twintig minuten", await app.WithDbAsync(db => db.Agreements.Where(a => a.Id == id).Select(a => a.What).SingleAsync()));
        // Saving again from that page keeps this version, knowingly.
        Assert.Empty((await teacher.SubmitAsync(stale, [])).Errors);
        Assert.Equal("Noor leest drie keer per week", await app.WithDbAsync(db => db.Agreements.Where(a => a.Id == id).Select(a => a.What).SingleAsync()));
    }

    [Fact]
    public async Task Markup_is_shown_as_text_and_a_megabyte_is_refused_with_a_clear_message()
    {
        var f = await app.RoundFamilyAsync();
        const string markup = "<script>alert('x')</script><b>vet</b>";
        var id = await app.AgreementAsync(f.Teacher.Email!, f.Child.Id, "student", markup);
        var megabyte = new string('x', 1024 * 1024);

        using (var teacher = await app.SignInAsync(f.Teacher.Email!))
        {
            var list = await teacher.GetAsync($"/students/{f.Child.Id}/agreements");
            Assert.Equal(markup, list.Find($"#what-{id}")!.TextContent);
            Assert.Null(list.Find($"#agreement-{id} script, #agreement-{id} b"));
            var huge = await teacher.RecordAsync(list, "student", megabyte);
            Assert.Equal(HttpStatusCode.OK, huge.Status);
            Assert.Contains(huge.Errors, e => e.Contains("te lang", StringComparison.Ordinal));
            var nonsense = await teacher.SubmitAsync(await teacher.GetAsync($"/agreements/{id}/edit"),
                new() { ["status"] = "Whatever", ["CheckOn"] = "not a date", ["Owner"] = "staff:nonsense", ["version"] = "x" });
            Assert.Equal(HttpStatusCode.OK, nonsense.Status);
            Assert.NotEmpty(nonsense.Errors);
        }
        Assert.Equal(1, await app.WithDbAsync(db => db.Agreements.CountAsync(a => a.StudentId == f.Child.Id)));

        using var parent = await app.SignInAsync(f.Parent.Email!);
        var page = await parent.GetAsync($"/children/{f.Child.Id}/agreements");
        Assert.Equal(markup, page.Find($"#what-{id}")!.TextContent);
        var refused = await parent.SubmitAsync(page, new() { ["reaction"] = megabyte }, $"#agreement-{id} form.react");
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains(refused.Errors, e => e.Contains("te lang", StringComparison.Ordinal));
        Assert.Equal(0, await app.WithDbAsync(db => db.AgreementResponses.CountAsync(r => r.AgreementId == id)));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AgreementTests_Sqlite(SqliteApp app) : AgreementTests(app);

[Collection(PostgresCollection.Name), Trait("Provider", "Postgres")]
public sealed class AgreementTests_Postgres(PostgresApp app) : AgreementTests(app);

using System.Net;
using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;
using Driehoek.Web.Features.Records;
using Driehoek.Web.Features.Rounds;

namespace Driehoek.Tests.Records;

public abstract class RecordTests(TestApp app)
{
    private static string Url(Guid booking) => $"/bookings/{booking}/record";

    [Fact]
    public async Task The_teacher_records_a_three_way_conversation_with_what_student_parent_and_teacher_said_in_turns()
    {
        var f = await app.FamilyAsync();
        var booking = await app.ConversationAsync(f.School, f.Group, f.Teacher, f.Child, f.Parent);
        using var teacher = await app.SignInAsync(f.Teacher.Email!);

        var page = await teacher.GetAsync(Url(booking));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("De leerling stelt iedereen voor", page.Text);
        Assert.NotNull(page.Find($"a[href='/students/{f.Child.Id}/notes']"));
        // Strengths is the second item, said in turns: a field for each speaker.
        Assert.NotNull(page.Find("textarea[name='Entries[1].Student']"));
        Assert.NotNull(page.Find("textarea[name='Entries[1].Parent']"));
        Assert.NotNull(page.Find("textarea[name='Entries[1].Teacher']"));
        Assert.Null(page.Find("textarea[name='Entries[0].Student']"));

        var saved = await teacher.SubmitAsync(page, new()
        {
            ["Entries[0].Text"] = "Noor stelde haar vader en juf voor.",
            ["Entries[1].Student"] = "Ik kan goed tekenen.", ["Entries[1].Parent"] = "Ze helpt thuis haar broertje.",
            ["Entries[1].Teacher"] = "Ze werkt netjes.", ["SharedSummary"] = "We oefenen samen de tafels.",
        });
        Assert.Equal(HttpStatusCode.OK, saved.Status);
        Assert.Empty(saved.Errors);
        Assert.NotNull(saved.Find(".notice[role=status]"));
        Assert.Equal("Ze helpt thuis haar broertje.", saved.Find("textarea[name='Entries[1].Parent']")!.TextContent);

        var record = await app.WithDbAsync(db => db.ConversationRecords.SingleAsync(r => r.BookingId == booking));
        Assert.Equal(AgendaForm.ThreeWay, record.Form);
        var strengths = Agendas.Parse<RecordEntry>(record.Entries)[1];
        Assert.Equal(("Strengths", true, "Ik kan goed tekenen.", "Ze werkt netjes."), (strengths.Key, strengths.InTurns, strengths.Student, strengths.Teacher));

        // The parent reads the shared summary (and nothing else of the record).
        using var parent = await app.SignInAsync(f.Parent.Email!);
        var shared = await parent.GetAsync($"/children/{f.Child.Id}/shared");
        Assert.Contains("We oefenen samen de tafels.", shared.Text);
        Assert.DoesNotContain("Ze werkt netjes.", shared.Text);
        Assert.Equal(HttpStatusCode.NotFound, await parent.StatusAsync(Url(booking)));
    }

    [Fact]
    public async Task Others_get_not_found_and_a_subject_teacher_reaches_only_the_conversations_they_held()
    {
        var f = await app.FamilyAsync();
        var booking = await app.ConversationAsync(f.School, f.Group, f.Teacher, f.Child, f.Parent);
        var subject = await f.School.StaffAsync(StaffRole.SubjectTeacher, f.Group, subject: "Engels");
        var own = await app.ConversationAsync(f.School, f.Group, subject, f.Child, f.Parent, ConversationForm.TenMinute);
        var otherGroup = await f.School.GroupAsync("Groep 7", level: 7);
        var otherTeacher = await f.School.StaffAsync(StaffRole.GroupTeacher, otherGroup);
        var otherChild = await f.School.StudentAsync(otherGroup);
        var otherParent = await f.School.GuardianAsync([otherChild]);
        var elsewhere = await app.World.SchoolAsync();
        var otherLeader = await elsewhere.StaffAsync(StaffRole.SchoolLeader);

        foreach (var (who, expected) in new[]
                 {
                     (subject, HttpStatusCode.NotFound), (otherTeacher, HttpStatusCode.NotFound), (otherParent, HttpStatusCode.NotFound),
                     (otherLeader, HttpStatusCode.NotFound), (f.Child, HttpStatusCode.NotFound), (f.Leader, HttpStatusCode.OK),
                 })
        {
            using var client = await app.SignInAsync(who.Email!);
            Assert.True(expected == await client.StatusAsync(Url(booking)), $"{who.Name}: record");
            var post = await client.PostAsync(Url(booking), [new("__RequestVerificationToken", await client.TokenAsync("/language")), new("SharedSummary", "x")],
                follow: false);
            Assert.True(expected == HttpStatusCode.NotFound ? post.Status == HttpStatusCode.NotFound : post.Status != HttpStatusCode.NotFound, $"{who.Name}: save");
        }
        using (var other = await app.SignInAsync(otherParent.Email!))
        {
            Assert.Equal(HttpStatusCode.NotFound, await other.StatusAsync($"/bookings/{booking}/guide"));
            Assert.Equal(HttpStatusCode.NotFound, await other.StatusAsync($"/children/{f.Child.Id}/shared"));
        }
        using (var other = await app.SignInAsync(otherLeader.Email!))
        {
            Assert.Equal(HttpStatusCode.NotFound, await other.StatusAsync($"/students/{f.Child.Id}/notes"));
            Assert.Equal(HttpStatusCode.NotFound, await other.StatusAsync($"/school/{f.School.Id}/agendas/ThreeWay"));
        }
        using var sub = await app.SignInAsync(subject.Email!);
        var held = await sub.GetAsync(Url(own));
        Assert.Equal(HttpStatusCode.OK, held.Status);
        Assert.Null(held.Find($"a[href='/students/{f.Child.Id}/notes']"));
        Assert.Equal(HttpStatusCode.NotFound, await sub.StatusAsync($"/students/{f.Child.Id}/notes"));
        Assert.Equal(0, await app.WithDbAsync(db => db.ConversationRecords.CountAsync(r => r.BookingId == booking)));
    }

    [Fact]
    public async Task Parents_never_read_staff_or_care_notes_the_student_not_care_notes_and_every_such_read_is_audited()
    {
        var f = await app.FamilyAsync();
        var care = await f.School.StaffAsync(StaffRole.CareCoordinator);
        using (var teacher = await app.SignInAsync(f.Teacher.Email!))
        {
            foreach (var (visibility, text) in new[] { ("Family", "Gedeeld: Noor leest veel."), ("Staff", "Intern: let op de tafels."), ("Care", "Zorg: dyslexieonderzoek.") })
            {
                var saved = await teacher.SubmitAsync($"/students/{f.Child.Id}/notes", new() { ["Text"] = text, ["Visibility"] = visibility });
                Assert.Empty(saved.Errors);
            }
        }
        using (var parent = await app.SignInAsync(f.Parent.Email!))
        {
            Assert.Equal(HttpStatusCode.NotFound, await parent.StatusAsync($"/students/{f.Child.Id}/notes"));
            var shared = await parent.GetAsync($"/children/{f.Child.Id}/shared");
            Assert.Contains("Noor leest veel.", shared.Text);
            Assert.DoesNotContain("Intern:", shared.Html);
            Assert.DoesNotContain("Zorg:", shared.Html);
        }
        using (var student = await app.SignInAsync(f.Child.Email!))
        {
            var shared = await student.GetAsync($"/children/{f.Child.Id}/shared");
            Assert.Contains("Noor leest veel.", shared.Text);
            Assert.DoesNotContain("Zorg:", shared.Html);
            Assert.DoesNotContain("Intern:", shared.Html);
            Assert.Equal(HttpStatusCode.NotFound, await student.StatusAsync($"/students/{f.Child.Id}/notes"));
        }
        using (var leader = await app.SignInAsync(f.Leader.Email!))
        {
            var notes = await leader.GetAsync($"/students/{f.Child.Id}/notes");
            Assert.Contains("Intern: let op de tafels.", notes.Text);
            Assert.DoesNotContain("Zorg:", notes.Html);
        }
        using (var coordinator = await app.SignInAsync(care.Email!))
        {
            Assert.Contains("Zorg: dyslexieonderzoek.", (await coordinator.GetAsync($"/students/{f.Child.Id}/notes")).Text);
        }
        var careNote = await app.WithDbAsync(db => db.StudentNotes.Where(n => n.StudentId == f.Child.Id && n.Visibility == NoteVisibility.Care).Select(n => n.Id).SingleAsync());
        var reads = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.SubjectId == careNote).Select(a => new { a.Action, a.Subject, a.UserId }).ToListAsync());
        Assert.Contains(reads, r => r is { Action: "read", Subject: "care-note" } && r.UserId == care.UserId);
        // The teacher saw it right after writing it; the leader never did.
        Assert.DoesNotContain(reads, r => r.UserId == f.Leader.UserId);
    }

    [Fact]
    public async Task A_parent_without_authority_reads_what_is_shared_only_where_the_school_allows_outcomes()
    {
        var f = await app.FamilyAsync();
        var limited = await f.School.GuardianAsync([f.Child], authority: false);
        using var client = await app.SignInAsync(limited.Email!);
        Assert.Equal(HttpStatusCode.NotFound, await client.StatusAsync($"/children/{f.Child.Id}/shared"));
        await app.WithDbAsync(async db =>
        {
            var school = await db.Schools.SingleAsync(s => s.Id == f.School.Id);
            school.LimitedGuardianAccess = LimitedGuardianAccess.ConversationOutcomes;
            await db.SaveChangesAsync();
        });
        Assert.Equal(HttpStatusCode.OK, await client.StatusAsync($"/children/{f.Child.Id}/shared"));
    }

    [Fact]
    public async Task Two_people_saving_at_once_get_changed_meanwhile_with_both_versions_and_nothing_is_lost()
    {
        var f = await app.FamilyAsync();
        var booking = await app.ConversationAsync(f.School, f.Group, f.Teacher, f.Child, f.Parent, ConversationForm.TenMinute);
        using var teacher = await app.SignInAsync(f.Teacher.Email!);
        using var leader = await app.SignInAsync(f.Leader.Email!);
        var teachers = await teacher.GetAsync(Url(booking));
        var leaders = await leader.GetAsync(Url(booking));

        Assert.Empty((await leader.SubmitAsync(leaders, new() { ["Entries[0].Text"] = "Versie van de directeur" })).Errors);
        var clash = await teacher.SubmitAsync(teachers, new() { ["Entries[0].Text"] = "Versie van de leerkracht" });

        Assert.Contains(clash.Errors, e => e.Contains("intussen gewijzigd", StringComparison.Ordinal));
        Assert.Contains("Versie van de directeur", clash.Find("section.warning")!.TextContent);
        Assert.Equal("Versie van de leerkracht", clash.Find("textarea[name='Entries[0].Text']")!.TextContent);
        Assert.Equal("Versie van de directeur", await TextAsync());

        // Saving again from that page keeps the teacher's version, knowingly.
        Assert.Empty((await teacher.SubmitAsync(clash, new())).Errors);
        Assert.Equal("Versie van de leerkracht", await TextAsync());

        Task<string?> TextAsync() => app.WithDbAsync(async db =>
            Agendas.Parse<RecordEntry>((await db.ConversationRecords.SingleAsync(r => r.BookingId == booking)).Entries)[0].Text);
    }

    [Fact]
    public async Task A_megabyte_of_text_is_refused_with_a_message_and_markup_is_shown_as_text()
    {
        var f = await app.FamilyAsync();
        var booking = await app.ConversationAsync(f.School, f.Group, f.Teacher, f.Child, f.Parent);
        using var teacher = await app.SignInAsync(f.Teacher.Email!);
        var huge = new string('x', 1024 * 1024);
        foreach (var field in new[] { "Entries[0].Text", "Entries[1].Teacher", "SharedSummary" })
        {
            var refused = await teacher.SubmitAsync(Url(booking), new() { [field] = huge });
            Assert.Equal(HttpStatusCode.OK, refused.Status);
            Assert.Contains(refused.Errors, e => e.Contains("te lang", StringComparison.Ordinal));
        }
        var note = await teacher.SubmitAsync($"/students/{f.Child.Id}/notes", new() { ["Text"] = huge, ["Visibility"] = "Family" });
        Assert.Contains(note.Errors, e => e.Contains("te lang", StringComparison.Ordinal));
        Assert.Equal(0, await app.WithDbAsync(db => db.ConversationRecords.CountAsync(r => r.BookingId == booking)));
        Assert.Equal(0, await app.WithDbAsync(db => db.StudentNotes.CountAsync(n => n.StudentId == f.Child.Id)));

        const string markup = "<script>alert(1)</script><b>vet</b>";
        Assert.Empty((await teacher.SubmitAsync(Url(booking), new() { ["Entries[0].Text"] = markup, ["SharedSummary"] = markup })).Errors);
        Assert.Empty((await teacher.SubmitAsync($"/students/{f.Child.Id}/notes", new() { ["Text"] = markup, ["Visibility"] = "Family" })).Errors);
        var page = await teacher.GetAsync(Url(booking));
        Assert.Equal(markup, page.Find("textarea[name='Entries[0].Text']")!.TextContent);
        Assert.DoesNotContain("<script>alert", page.Html);
        using var parent = await app.SignInAsync(f.Parent.Email!);
        var shared = await parent.GetAsync($"/children/{f.Child.Id}/shared");
        Assert.Null(shared.Find("main b"));
        Assert.Contains(markup, shared.Text);
        Assert.DoesNotContain("<script>alert", shared.Html);
    }

    [Fact]
    public async Task The_schools_own_agenda_is_used_for_the_next_record_and_a_started_record_keeps_its_own()
    {
        var f = await app.FamilyAsync();
        var before = await app.ConversationAsync(f.School, f.Group, f.Teacher, f.Child, f.Parent);
        using var teacher = await app.SignInAsync(f.Teacher.Email!);
        Assert.Empty((await teacher.SubmitAsync(Url(before), new() { ["Entries[0].Text"] = "Begonnen" })).Errors);

        using (var leader = await app.SignInAsync(f.Leader.Email!))
        {
            var edit = await leader.GetAsync($"/school/{f.School.Id}/agendas/ThreeWay");
            Assert.Equal("De leerling stelt iedereen voor", edit.Find("#title-0")!.GetAttribute("value"));
            var saved = await leader.SubmitAsync(edit, new()
            {
                ["Rows[0].Title"] = "Welkom door de leerling",
                ["Rows[5].Remove"] = "true",
                ["Rows[6].Title"] = "Tops en tips", ["Rows[6].Order"] = "0",
            });
            Assert.Empty(saved.Errors);
            Assert.Equal("Tops en tips", saved.Find("#title-0")!.GetAttribute("value"));
        }

        var after = await app.ConversationAsync(f.School, f.Group, f.Teacher, f.Child, f.Parent);
        var page = await teacher.GetAsync(Url(after));
        var items = page.FindAll("fieldset.record-item legend").Select(l => l.TextContent.Trim()).ToList();
        Assert.Equal("1. Tops en tips", items[0]);
        Assert.Equal("2. Welkom door de leerling", items[1]);
        Assert.Equal("3. Sterke punten, om de beurt", items[2]);
        Assert.DoesNotContain(items, i => i.Contains("Samenvatting, vervolg", StringComparison.Ordinal));
        Assert.Equal(6, items.Count);
        Assert.Contains("De leerling stelt iedereen voor", (await teacher.GetAsync(Url(before))).Text);
    }

    [Fact]
    public async Task The_student_follows_their_part_of_a_three_way_conversation_in_their_language()
    {
        var f = await app.FamilyAsync();
        var booking = await app.ConversationAsync(f.School, f.Group, f.Teacher, f.Child, f.Parent, startedMinutesAgo: -60 * 24 * 8);
        using var student = await app.SignInAsync(f.Child.Email!);
        var home = await student.GetAsync("/student");
        Assert.NotNull(home.Find($"a[href='/bookings/{booking}/guide']"));
        var guide = await student.GetAsync($"/bookings/{booking}/guide?lang=ar");
        Assert.Equal("rtl", guide.Find("html")!.GetAttribute("dir"));
        Assert.Contains("أنت تقود المحادثة", guide.Text);
        Assert.Equal(6, guide.FindAll("li.guide-step").Count());
        var ten = await app.ConversationAsync(f.School, f.Group, f.Teacher, f.Child, f.Parent, ConversationForm.TenMinute);
        Assert.Empty((await student.GetAsync($"/bookings/{ten}/guide?lang=nl")).FindAll("li.guide-step"));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class RecordTests_Sqlite(SqliteApp app) : RecordTests(app);

[Collection(PostgresCollection.Name), Trait("Provider", "Postgres")]
public sealed class RecordTests_Postgres(PostgresApp app) : RecordTests(app);

using System.Net;
using Driehoek.Tests.Agreements;
using Driehoek.Tests.Records;
using Driehoek.Web.Features.Bookings;
using Driehoek.Web.Features.Conversations;
using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;
using Driehoek.Web.Features.Records;

namespace Driehoek.Tests.Timeline;

public abstract class TimelineTests(TestApp app)
{
    private static string Staff(Person child) => $"/students/{child.Id}/timeline";

    private static string Family(Person child) => $"/children/{child.Id}/timeline";

    /// <summary>A family note, a staff-only note and a care note, written by the group teacher.</summary>
    private async Task NotesAsync(RecordFamily f)
    {
        using var teacher = await app.SignInAsync(f.Teacher.Email!);
        foreach (var (visibility, text) in new[] { ("Family", "Gedeeld: Noor leest veel."), ("Staff", "Intern: let op de tafels."), ("Care", "Zorg: dyslexieonderzoek.") })
        {
            var saved = await teacher.SubmitAsync($"/students/{f.Child.Id}/notes", new() { ["Text"] = text, ["Visibility"] = visibility });
            Assert.Empty(saved.Errors);
        }
    }

    [Fact]
    public async Task Staff_see_conversations_agreements_and_notes_across_the_years_newest_first_and_care_notes_read_there_are_audited()
    {
        var f = await app.FamilyAsync();
        var care = await f.School.StaffAsync(StaffRole.CareCoordinator);
        var lastYear = await app.ConversationAsync(f.School, f.Group, f.Teacher, f.Child, f.Parent, startedMinutesAgo: 60);
        var thisYear = await app.ConversationAsync(f.School, f.Group, f.Teacher, f.Child, f.Parent, startedMinutesAgo: 30);
        // The first conversation was held in March, in the school year before this one (the test clock is in November 2026).
        await app.WithDbAsync(db => db.Bookings.Where(b => b.Id == lastYear).ExecuteUpdateAsync(s => s
            .SetProperty(b => b.StartsAt, new DateTime(2026, 3, 12, 14, 0, 0, DateTimeKind.Utc))
            .SetProperty(b => b.EndsAt, new DateTime(2026, 3, 12, 14, 10, 0, DateTimeKind.Utc))
            .SetProperty(b => b.Status, BookingStatus.Held).SetProperty(b => b.StudentPresent, true)));
        await app.WithDbAsync(db => db.Bookings.Where(b => b.Id == thisYear).ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, BookingStatus.NoShow)));
        await app.AgreementAsync(f.Teacher.Email!, f.Child.Id, "student", "Noor leest elke dag een kwartier.");
        await app.WithDbAsync(async db =>
        {
            var teacher = await db.StaffMembers.SingleAsync(m => m.Id == f.Teacher.Id);
            db.PlannedConversations.Add(new PlannedConversation
            {
                SchoolId = f.School.Id, StudentId = f.Child.Id, PlannedByStaffId = teacher.Id, Purpose = "Samen kijken hoe het lezen gaat.",
                StaffNote = "Geheim: thuis speelt iets.", Status = PlannedStatus.Proposed, CreatedAt = TestClock.Start.UtcDateTime.AddDays(-2),
            });
            await db.SaveChangesAsync();
        });
        await NotesAsync(f);

        using (var teacher = await app.SignInAsync(f.Teacher.Email!))
        {
            var page = await teacher.GetAsync(Staff(f.Child));
            Assert.Equal(HttpStatusCode.OK, page.Status);
            var years = page.FindAll("section.timeline-year h2").Select(h => h.TextContent).ToList();
            Assert.Equal(["Schooljaar 2026–2027", "Schooljaar 2025–2026"], years);
            Assert.Contains("Niet verschenen", page.FindAll("section.timeline-year").First().TextContent);
            Assert.Contains("Gehouden", page.FindAll("section.timeline-year").Last().TextContent);
            foreach (var text in new[] { "Noor leest elke dag een kwartier.", "Samen kijken hoe het lezen gaat.", "Intern: let op de tafels.", "Zorg: dyslexieonderzoek." })
            {
                Assert.Contains(text, page.Text);
            }
            Assert.DoesNotContain("Geheim:", page.Html);
            Assert.Contains("7 onderdelen", page.Text);
            Assert.NotNull(page.Find($"a[href='?kind=Agreement']"));

            var onlyNotes = await teacher.GetAsync(Staff(f.Child) + "?kind=Note");
            Assert.Equal(3, onlyNotes.FindAll("li.timeline-item").Count());
            Assert.DoesNotContain("Noor leest elke dag", onlyNotes.Text);
            Assert.Equal(HttpStatusCode.OK, await teacher.StatusAsync(Staff(f.Child) + "?kind=%3Cscript%3E"));
        }

        var careNote = await app.WithDbAsync(db => db.StudentNotes.Where(n => n.StudentId == f.Child.Id && n.Visibility == NoteVisibility.Care).Select(n => n.Id).SingleAsync());
        using (var coordinator = await app.SignInAsync(care.Email!))
        {
            var page = await coordinator.GetAsync(Staff(f.Child) + "?kind=Agreement");
            Assert.DoesNotContain("Zorg:", page.Html);
            Assert.Equal(0, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.SubjectId == careNote && a.UserId == care.UserId)));
            Assert.Contains("Zorg: dyslexieonderzoek.", (await coordinator.GetAsync(Staff(f.Child))).Text);
        }
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a =>
            a.SubjectId == careNote && a.UserId == care.UserId && a.Action == "read" && a.Subject == "care-note")));
        using (var leader = await app.SignInAsync(f.Leader.Email!))
        {
            var page = await leader.GetAsync(Staff(f.Child));
            Assert.Contains("Intern: let op de tafels.", page.Text);
            Assert.DoesNotContain("Zorg:", page.Html);
        }
    }

    [Fact]
    public async Task A_parent_never_sees_a_staff_only_or_care_note_and_reads_their_conversations_with_the_shared_summary()
    {
        var f = await app.FamilyAsync(language: "pl");
        var booking = await app.ConversationAsync(f.School, f.Group, f.Teacher, f.Child, f.Parent);
        await app.WithDbAsync(async db =>
        {
            await db.Bookings.Where(b => b.Id == booking).ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, BookingStatus.Held));
            db.ConversationRecords.Add(new ConversationRecord
            {
                SchoolId = f.School.Id, BookingId = booking, StudentId = f.Child.Id, Form = AgendaForm.ThreeWay, Entries = "[]",
                SharedSummary = "We oefenen samen de tafels.", UpdatedByName = "Juf", CreatedAt = TestClock.Start.UtcDateTime,
                UpdatedAt = TestClock.Start.UtcDateTime, Version = Guid.NewGuid(),
            });
            await db.SaveChangesAsync();
        });
        await NotesAsync(f);
        var otherParent = await f.School.GuardianAsync([f.Child]);

        using (var parent = await app.SignInAsync(f.Parent.Email!))
        {
            var home = await parent.GetAsync("/parent");
            Assert.NotNull(home.Find($"a[href='{Family(f.Child)}']"));
            var page = await parent.GetAsync(Family(f.Child) + "?lang=pl");
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Contains("Noor leest veel.", page.Text);
            Assert.Contains("We oefenen samen de tafels.", page.Text);
            Assert.Contains("Odbyła się", page.Text);
            Assert.Single(page.FindAll("li.timeline-item.conversation"));
            Assert.DoesNotContain("Intern:", page.Html);
            Assert.DoesNotContain("Zorg:", page.Html);
            Assert.Equal(HttpStatusCode.NotFound, await parent.StatusAsync(Staff(f.Child)));
        }
        using (var other = await app.SignInAsync(otherParent.Email!))
        {
            // Separated parents: the other household's conversation and its summary are not theirs.
            var page = await other.GetAsync(Family(f.Child));
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.DoesNotContain("We oefenen samen de tafels.", page.Text);
            Assert.Empty(page.FindAll("li.timeline-item.conversation"));
            Assert.Contains("Noor leest veel.", page.Text);
        }
        using (var student = await app.SignInAsync(f.Child.Email!))
        {
            var page = await student.GetAsync(Family(f.Child) + "?lang=ar");
            Assert.Equal("rtl", page.Find("html")!.GetAttribute("dir"));
            Assert.Contains("Noor leest veel.", page.Text);
            Assert.DoesNotContain("Intern:", page.Html);
            Assert.DoesNotContain("Zorg:", page.Html);
        }
    }

    [Fact]
    public async Task Another_family_another_groups_teacher_a_subject_teacher_who_never_met_them_and_another_schools_leader_get_not_found()
    {
        var f = await app.FamilyAsync();
        await NotesAsync(f);
        var subject = await f.School.StaffAsync(StaffRole.SubjectTeacher, f.Group, subject: "Engels");
        var otherGroup = await f.School.GroupAsync("Groep 7", level: 7);
        var otherTeacher = await f.School.StaffAsync(StaffRole.GroupTeacher, otherGroup);
        var otherChild = await f.School.StudentAsync(otherGroup, login: true);
        var otherParent = await f.School.GuardianAsync([otherChild]);
        var elsewhere = await app.World.SchoolAsync();
        var otherLeader = await elsewhere.StaffAsync(StaffRole.SchoolLeader);

        foreach (var who in new[] { subject, otherTeacher, otherParent, otherChild, otherLeader, f.Parent, f.Child })
        {
            using var client = await app.SignInAsync(who.Email!);
            Assert.True(HttpStatusCode.NotFound == await client.StatusAsync(Staff(f.Child)), $"{who.Name}: staff timeline");
        }
        foreach (var who in new[] { subject, otherTeacher, otherParent, otherChild, otherLeader, f.Teacher, f.Leader })
        {
            using var client = await app.SignInAsync(who.Email!);
            Assert.True(HttpStatusCode.NotFound == await client.StatusAsync(Family(f.Child)), $"{who.Name}: family timeline");
        }
        Assert.Equal(0, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.UserId == subject.UserId || a.UserId == otherLeader.UserId)));
    }

    /// <summary>A school career fills a timeline: what a reader pays for it must not grow with it.</summary>
    [Fact]
    public async Task A_timeline_costs_the_same_few_database_commands_however_many_items_it_holds()
    {
        var f = await app.FamilyAsync();
        await AddItemsAsync(f, 1);
        using var teacher = await app.SignInAsync(f.Teacher.Email!);
        using var parent = await app.SignInAsync(f.Parent.Email!);
        var (staffFew, familyFew) = (await CommandsAsync(teacher, Staff(f.Child)), await CommandsAsync(parent, Family(f.Child)));

        await AddItemsAsync(f, 5);
        var (staffMany, familyMany) = (await CommandsAsync(teacher, Staff(f.Child)), await CommandsAsync(parent, Family(f.Child)));

        Assert.Equal(staffFew, staffMany);
        Assert.Equal(familyFew, familyMany);
        // Most of these are the access checks of the features whose handlers the timeline reuses, each as its own page asks them.
        Assert.True(staffMany <= 32 && familyMany <= 32, $"staff {staffMany}, family {familyMany} database commands");
    }

    private async Task AddItemsAsync(RecordFamily f, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await app.ConversationAsync(f.School, f.Group, f.Teacher, f.Child, f.Parent, startedMinutesAgo: 2000 + i);
            await app.AgreementAsync(f.Teacher.Email!, f.Child.Id, "student", $"Afspraak {Guid.NewGuid():N}");
        }
        await app.WithDbAsync(async db =>
        {
            for (var i = 0; i < count; i++)
            {
                db.StudentNotes.Add(new StudentNote
                {
                    SchoolId = f.School.Id, StudentId = f.Child.Id, Visibility = NoteVisibility.Family, Text = $"Notitie {i}", AuthorName = "Juf",
                    CreatedAt = TestClock.Start.UtcDateTime.AddDays(-i),
                });
                db.PlannedConversations.Add(new PlannedConversation
                {
                    SchoolId = f.School.Id, StudentId = f.Child.Id, PlannedByStaffId = f.Teacher.Id, Purpose = $"Gesprek {i}",
                    Status = PlannedStatus.Proposed, CreatedAt = TestClock.Start.UtcDateTime.AddDays(-i),
                });
            }
            await db.SaveChangesAsync();
        });
    }

    private static async Task<int> CommandsAsync(AppClient client, string url)
    {
        var tag = CommandCounts.NewTag();
        _ = CommandCounts.Instance;
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add(CommandCounts.Header, tag);
        var response = await client.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return CommandCounts.Instance.Of(tag);
    }

    [Fact]
    public async Task A_parent_without_authority_sees_only_the_kinds_the_school_shares()
    {
        var f = await app.FamilyAsync();
        var booking = await app.ConversationAsync(f.School, f.Group, f.Teacher, f.Child, f.Parent);
        await NotesAsync(f);
        var limited = await f.School.GuardianAsync([f.Child], authority: false);
        using var client = await app.SignInAsync(limited.Email!);
        Assert.Equal(HttpStatusCode.NotFound, await client.StatusAsync(Family(f.Child)));

        await app.WithDbAsync(db => db.Schools.Where(s => s.Id == f.School.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LimitedGuardianAccess, LimitedGuardianAccess.GroupAndTeachers | LimitedGuardianAccess.ConversationOutcomes)));
        var page = await client.GetAsync(Family(f.Child));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Noor leest veel.", page.Text);
        Assert.DoesNotContain("Intern:", page.Html);
        Assert.Null(page.Find("a[href='?kind=Conversation']"));
        Assert.NotEqual(Guid.Empty, booking);
    }
}

[Collection(SqliteCollection.Name)] public sealed class TimelineTests_Sqlite(SqliteApp app) : TimelineTests(app);
[Collection(PostgresCollection.Name), Trait("Provider", "Postgres")] public sealed class TimelineTests_Postgres(PostgresApp app) : TimelineTests(app);

using System.Net;
using AngleSharp.Html.Dom;
using Driehoek.Web.Features.Contacts;
using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;
using Driehoek.Web.Features.Tasks;

namespace Driehoek.Tests.Contacts;

/// <summary>
/// Concerns (issue 13, item 3): raised by a student or a parent in their language, they reach the mentor and, when
/// sensitive, the care coordinator, and no other staff; reads are audited; the family follows the status and reads the
/// reply, which is in the contact log; two colleagues answering at once cannot both win; bad input is refused.
/// </summary>
public abstract class ConcernTests(TestApp app)
{
    private async Task<Guid> RaiseAsync(Person raiser, Person child, string topic, string? text = null)
    {
        using var client = await app.SignInAsync(raiser.Email!);
        var page = await client.SubmitAsync(ContactWorld.Family(child), new() { ["Topic"] = topic, ["Text"] = text ?? "" }, "form.raise");
        Assert.True(page.Status == HttpStatusCode.OK, $"{page.Status}: {string.Join("; ", page.Errors)}");
        return await app.WithDbAsync(db => db.Concerns.Where(c => c.StudentId == child.Id && c.RaisedByUserId == raiser.UserId)
            .OrderByDescending(c => c.CreatedAt).Select(c => c.Id).FirstAsync());
    }

    private static Task<Page> PostFormAsync(AppClient client, Page page, string formSelector, string url, Dictionary<string, string>? fields = null)
    {
        var values = AppClient.FormValues((IHtmlFormElement)page.Find(formSelector)!);
        foreach (var (name, value) in fields ?? new Dictionary<string, string>())
        {
            values.RemoveAll(v => v.Key == name);
            values.Add(new(name, value));
        }
        return client.PostAsync(url, values);
    }

    [Fact]
    public async Task A_student_raises_a_concern_in_Ukrainian_that_reaches_the_mentor_who_takes_it_on_and_answers()
    {
        var w = await ContactWorld.CreateAsync(app);
        await app.WithDbAsync(async db =>
        {
            (await db.Users.SingleAsync(u => u.Id == w.Anna.UserId)).PreferredLanguage = "uk";
            await db.SaveChangesAsync();
        });
        using var student = await app.SignInAsync(w.Anna.Email!);
        var url = ContactWorld.Family(w.Anna) + "?lang=uk";

        var form = await student.GetAsync(url);
        Assert.Contains("Мене цькують", form.Main);
        Assert.Contains("Навчальні результати", form.Main);
        var raised = await student.SubmitAsync(form, new() { ["Topic"] = "NoJoy", ["Text"] = "<script>alert(1)</script> Мені сумно на перервах" },
            "form.raise");

        Assert.Equal(HttpStatusCode.OK, raised.Status);
        Assert.NotNull(raised.Find(".notice[role=status]"));
        var mine = raised.Find("#mine li[data-status=New]")!;
        Assert.Contains("Нове", mine.TextContent);
        Assert.Contains("<script>alert(1)</script>", mine.TextContent);
        var concern = await app.WithDbAsync(db => db.Concerns.SingleAsync(c => c.StudentId == w.Anna.Id));
        Assert.True(concern.RaisedByStudent);
        Assert.False(concern.Sensitive);
        Assert.Equal((ConcernSituation.NoJoy, ContactArea.Wellbeing), (concern.Situation, concern.Area));
        var mail = await Mailbox.WaitForAsync(app, w.Mentor.Email!, m => m.Subject.Contains("Anna", StringComparison.Ordinal));
        Assert.Contains($"/students/{w.Anna.Id}/concerns", mail.Body);
        Assert.DoesNotContain("сумно", mail.Body);

        using var mentor = await app.SignInAsync(w.Mentor.Email!);
        var queue = await mentor.GetAsync(w.Mine);
        Assert.Equal("New", queue.Find($"#concern-queue li[data-id='{concern.Id}']")!.GetAttribute("data-status"));
        var page = await mentor.GetAsync(ContactWorld.Concerns(w.Anna));
        Assert.Contains("<script>alert(1)</script> Мені сумно на перервах", page.Find($"#concern-{concern.Id}")!.TextContent);
        Assert.Null(page.Find("main script"));
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.SubjectId == concern.Id && a.Subject == "concern" && a.UserId == w.Mentor.UserId)));

        var taken = await PostFormAsync(mentor, page, $"#concern-{concern.Id} form", ContactWorld.Concerns(w.Anna) + "?handler=Handling");
        Assert.Equal(HttpStatusCode.OK, taken.Status);
        Assert.Equal("BeingHandled", taken.Find($"#concern-{concern.Id}")!.GetAttribute("data-status"));
        Assert.Contains("Розглядається", (await student.GetAsync(url)).Find($"#concern-{concern.Id}")!.TextContent);

        var answered = await mentor.SubmitAsync(taken, new() { ["Reply"] = "Laten we morgen in de pauze even praten." }, $"#concern-{concern.Id} form");
        Assert.Equal(HttpStatusCode.OK, answered.Status);
        Assert.Equal("Answered", answered.Find($"#concern-{concern.Id}")!.GetAttribute("data-status"));

        var seen = (await student.GetAsync(url)).Find($"#concern-{concern.Id}")!;
        Assert.Contains("Є відповідь", seen.TextContent);
        Assert.Contains("Laten we morgen in de pauze even praten.", seen.TextContent);
        Assert.Contains(w.Mentor.Name, seen.TextContent);
        var told = await Mailbox.WaitForAsync(app, w.Anna.Email!);
        Assert.StartsWith("Відповідь на занепокоєння", told.Subject, StringComparison.Ordinal);
        // The reply is in the contact log; the student's concern is not on the parent's page.
        var log = await mentor.GetAsync(ContactWorld.Log(w.Anna));
        Assert.Contains("Laten we morgen in de pauze even praten.", log.Find(".contact-log li[data-kind=Concern]")!.TextContent);
        using var parent = await app.SignInAsync(w.AnnaParent.Email!);
        Assert.Empty((await parent.GetAsync(ContactWorld.Family(w.Anna))).FindAll("#mine li"));
        Assert.Empty((await mentor.GetAsync(w.Mine))
            .FindAll("#concern-queue li"));
    }

    [Fact]
    public async Task A_sensitive_concern_reaches_the_care_coordinator_too_and_no_other_staff_read_concerns()
    {
        var w = await ContactWorld.CreateAsync(app);
        var bullied = await RaiseAsync(w.AnnaParent, w.Anna, "Bullied", "Ze wordt uitgescholden in de bus.");
        var grades = await RaiseAsync(w.AnnaParent, w.Anna, "WorriedAboutGrades", "Haar cijfers voor Frans zakken.");

        Assert.True(await app.WithDbAsync(db => db.Concerns.Where(c => c.Id == bullied).Select(c => c.Sensitive).SingleAsync()));
        await Mailbox.WaitForAsync(app, w.Care.Email!, m => m.Subject.Contains("Anna", StringComparison.Ordinal));
        using var care = await app.SignInAsync(w.Care.Email!);
        var page = await care.GetAsync(ContactWorld.Concerns(w.Anna));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotNull(page.Find($"#concern-{bullied}"));
        Assert.Null(page.Find($"#concern-{grades}"));
        Assert.DoesNotContain("Frans", page.Main);
        var queue = await care.GetAsync($"/contacts?school={w.School.Id}");
        Assert.Equal([bullied.ToString()], queue.FindAll("#concern-queue li").Select(li => li.GetAttribute("data-id")!));
        // The care coordinator cannot answer the concern that is not theirs to read.
        var token = await care.TokenAsync(ContactWorld.Concerns(w.Anna));
        var version = await app.WithDbAsync(db => db.Concerns.Where(c => c.Id == grades).Select(c => c.Version).SingleAsync());
        var forged = await care.PostAsync(ContactWorld.Concerns(w.Anna), [new("ConcernId", grades.ToString()), new("Version", version.ToString()),
            new("Reply", "Ingebroken"), new("__RequestVerificationToken", token)]);
        Assert.Equal(HttpStatusCode.NotFound, forged.Status);

        // The mentor reads both; the subject teacher, the school leader, another group's mentor and another school's care coordinator none.
        using (var mentor = await app.SignInAsync(w.Mentor.Email!))
        {
            var both = await mentor.GetAsync(ContactWorld.Concerns(w.Anna));
            Assert.NotNull(both.Find($"#concern-{bullied}"));
            Assert.NotNull(both.Find($"#concern-{grades}"));
        }
        var otherMentor = await w.School.StaffAsync(StaffRole.Mentor, await w.School.GroupAsync("3C"));
        var otherSchool = await app.World.SchoolAsync(SchoolKind.Secondary);
        var otherCare = await otherSchool.StaffAsync(StaffRole.CareCoordinator);
        foreach (var (who, email) in new[] { ("subject teacher", w.Subject.Email!), ("school leader", w.Leader.Email!), ("other group's mentor", otherMentor.Email!),
                     ("other school's care coordinator", otherCare.Email!), ("another family", w.BramParent.Email!) })
        {
            using var client = await app.SignInAsync(email);
            Assert.True(HttpStatusCode.NotFound == await client.StatusAsync(ContactWorld.Concerns(w.Anna)), $"{who} read the concerns");
            var log = await client.GetAsync(ContactWorld.Log(w.Anna));
            Assert.Null(log.Find(".contact-log li[data-kind=Concern]"));
            Assert.DoesNotContain("uitgescholden", log.Text);
            Assert.DoesNotContain("uitgescholden", (await client.GetAsync($"/contacts?school={w.School.Id}")).Text);
        }
        var readers = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.SubjectId == bullied).Select(a => a.UserId).Distinct().ToListAsync());
        Assert.Equal(new[] { w.Care.UserId, w.Mentor.UserId }.Order(), readers.Order());
    }

    [Fact]
    public async Task Another_family_cannot_read_or_raise_concerns_about_a_child_not_theirs()
    {
        var w = await ContactWorld.CreateAsync(app);
        await RaiseAsync(w.AnnaParent, w.Anna, "NoJoy", "Alleen voor de mentor");
        var otherSchool = await app.World.SchoolAsync();
        var elsewhere = await otherSchool.GuardianAsync([await otherSchool.StudentAsync(await otherSchool.GroupAsync())]);
        foreach (var (who, email) in new[] { ("another family", w.BramParent.Email!), ("another school's parent", elsewhere.Email!), ("the mentor", w.Mentor.Email!) })
        {
            using var client = await app.SignInAsync(email);
            Assert.True(HttpStatusCode.NotFound == await client.StatusAsync(ContactWorld.Family(w.Anna)), $"{who} opened the family's concerns");
            var token = await client.TokenAsync("/language");
            var raised = await client.PostAsync(ContactWorld.Family(w.Anna), [new("Topic", "Bullied"), new("__RequestVerificationToken", token)]);
            var told = await client.PostAsync(ContactWorld.Family(w.Anna) + "?handler=News", [new("Kind", "Move"), new("NewsText", "x"),
                new("__RequestVerificationToken", token)]);
            Assert.True(raised.Status == HttpStatusCode.NotFound && told.Status == HttpStatusCode.NotFound, $"{who} raised a concern: {raised.Status}/{told.Status}");
        }
        Assert.Equal(1, await app.WithDbAsync(db => db.Concerns.CountAsync(c => c.StudentId == w.Anna.Id)));
        Assert.False(await app.WithDbAsync(db => db.ContactEntries.AnyAsync(e => e.StudentId == w.Anna.Id)));
    }

    [Fact]
    public async Task A_concern_of_a_megabyte_or_without_a_topic_is_refused_with_a_clear_message_and_nothing_is_saved()
    {
        var w = await ContactWorld.CreateAsync(app);
        using var parent = await app.SignInAsync(w.AnnaParent.Email!);
        var url = ContactWorld.Family(w.Anna);
        var token = await parent.TokenAsync(url);
        List<KeyValuePair<string, string>> Form(params (string Key, string Value)[] fields) =>
            [.. fields.Select(f => KeyValuePair.Create(f.Key, f.Value)), new("__RequestVerificationToken", token)];

        var megabyte = await parent.PostAsync(url, Form(("Topic", "NoJoy"), ("Text", new string('x', 1024 * 1024))));
        var none = await parent.PostAsync(url, Form(("Text", "Zonder onderwerp")));
        var nonsense = await parent.PostAsync(url, Form(("Topic", "Other.9")));
        var number = await parent.PostAsync(url, Form(("Topic", "1")));
        var bigNews = await parent.PostAsync(url + "?handler=News", Form(("Kind", "Loss"), ("NewsText", new string('y', 1024 * 1024))));
        var emptyNews = await parent.PostAsync(url + "?handler=News", Form(("Kind", "Loss")));

        Assert.All(new[] { megabyte, none, nonsense, number, bigNews, emptyNews }, p => Assert.Equal(HttpStatusCode.BadRequest, p.Status));
        Assert.Contains(megabyte.Errors, e => e.Contains("te lang: hooguit 2000 tekens", StringComparison.Ordinal));
        Assert.Contains(bigNews.Errors, e => e.Contains("te lang", StringComparison.Ordinal));
        Assert.Contains(none.Errors, e => e.Contains("Kies waar de zorg over gaat", StringComparison.Ordinal));
        Assert.All(new[] { nonsense, number, emptyNews }, p => Assert.NotEmpty(p.Errors));
        Assert.False(await app.WithDbAsync(db => db.Concerns.AnyAsync(c => c.StudentId == w.Anna.Id)));
        Assert.False(await app.WithDbAsync(db => db.ContactEntries.AnyAsync(e => e.StudentId == w.Anna.Id)));
        // "Something else" in an area is a topic of its own.
        var other = await parent.PostAsync(url, Form(("Topic", "Other.ClassroomClimate")));
        Assert.Equal(HttpStatusCode.OK, other.Status);
        var saved = await app.WithDbAsync(db => db.Concerns.SingleAsync(c => c.StudentId == w.Anna.Id));
        Assert.Equal((ConcernSituation.Other, ContactArea.ClassroomClimate, false), (saved.Situation, saved.Area, saved.Sensitive));
    }

    [Fact]
    public async Task A_concern_becomes_a_task_for_the_mentor_a_sensitive_one_for_the_care_coordinator_and_the_answer_completes_it()
    {
        var w = await ContactWorld.CreateAsync(app);
        var grades = await RaiseAsync(w.AnnaParent, w.Anna, "WorriedAboutGrades", "Haar cijfers voor Frans zakken.");
        var bullied = await RaiseAsync(w.AnnaParent, w.Anna, "Bullied", "Ze wordt uitgescholden in de bus.");
        await RaiseAsync(w.AnnaParent, w.Anna, "WorriedAboutGrades", "Nog een keer, voor de zekerheid.");

        var tasks = await app.WithDbAsync(db => db.Set<StaffTask>().Where(t => t.Kind == TaskKind.Concern && t.StudentId == w.Anna.Id).ToListAsync());
        Assert.Equal(3, tasks.Count);
        var forGrades = Assert.Single(tasks, t => t.SourceKey == FamilyReports.TaskKey(grades));
        var forBullied = Assert.Single(tasks, t => t.SourceKey == FamilyReports.TaskKey(bullied));
        Assert.Equal((w.Mentor.Id, (Guid?)null, w.Group.Id), (forGrades.OwnerId, forGrades.InformedId, forGrades.GroupId));
        Assert.Equal((w.Care.Id, (Guid?)w.Mentor.Id), (forBullied.OwnerId, forBullied.InformedId));
        // Within the school's reply days (three school days by default, so three to five calendar days).
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        Assert.InRange(forGrades.DueOn, today.AddDays(3), today.AddDays(5));
        using var mentor = await app.SignInAsync(w.Mentor.Email!);
        Assert.Contains("Een zorg van een leerling of ouder", (await mentor.GetAsync("/tasks")).Main);

        var page = await mentor.GetAsync(ContactWorld.Concerns(w.Anna));
        var answered = await mentor.SubmitAsync(page, new() { ["Reply"] = "We bellen u morgen over Frans." }, $"#concern-{grades} form");

        Assert.Equal(HttpStatusCode.OK, answered.Status);
        var states = await app.WithDbAsync(db => db.Set<StaffTask>().Where(t => t.Kind == TaskKind.Concern && t.StudentId == w.Anna.Id)
            .ToDictionaryAsync(t => t.SourceKey, t => t.State));
        Assert.Equal(TaskState.Done, states[FamilyReports.TaskKey(grades)]);
        Assert.Equal(TaskState.Open, states[FamilyReports.TaskKey(bullied)]);
    }

    [Fact]
    public async Task Two_colleagues_answering_the_same_concern_from_the_same_page_one_answer_stands_and_the_family_gets_one_mail()
    {
        var w = await ContactWorld.CreateAsync(app);
        var concern = await RaiseAsync(w.AnnaParent, w.Anna, "HomeAffectsSchool", "Opa is ernstig ziek.");
        using var mentor = await app.SignInAsync(w.Mentor.Email!);
        using var care = await app.SignInAsync(w.Care.Email!);
        var mentorPage = await mentor.GetAsync(ContactWorld.Concerns(w.Anna));
        var carePage = await care.GetAsync(ContactWorld.Concerns(w.Anna));

        var first = await mentor.SubmitAsync(mentorPage, new() { ["Reply"] = "Dank voor het laten weten; we letten extra op." }, $"#concern-{concern} form");
        var second = await care.SubmitAsync(carePage, new() { ["Reply"] = "Ik bel u morgen." }, $"#concern-{concern} form");

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(HttpStatusCode.Conflict, second.Status);
        Assert.Contains(second.Errors, e => e.Contains("Een collega heeft deze zorg net behandeld", StringComparison.Ordinal));
        Assert.Equal("Dank voor het laten weten; we letten extra op.", await app.WithDbAsync(db => db.Concerns.Where(c => c.Id == concern).Select(c => c.Reply).SingleAsync()));
        await Mailbox.WaitForAsync(app, w.AnnaParent.Email!, m => m.Subject.StartsWith("Antwoord op de zorg", StringComparison.Ordinal));
        await Task.Delay(500);
        Assert.Single(Mailbox.All(app), m => m.To.Contains(w.AnnaParent.Email!, StringComparison.OrdinalIgnoreCase) && m.Subject.StartsWith("Antwoord", StringComparison.Ordinal));
        // Taking on an answered concern is refused too.
        var late = await PostFormAsync(care, carePage, $"#concern-{concern} form", ContactWorld.Concerns(w.Anna) + "?handler=Handling");
        Assert.Equal(HttpStatusCode.Conflict, late.Status);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ConcernTests_Sqlite(SqliteApp app) : ConcernTests(app);

[Collection(PostgresCollection.Name), Trait("Provider", "Postgres")]
public sealed class ConcernTests_Postgres(PostgresApp app) : ConcernTests(app);

using System.Net;
using Driehoek.Web.Features.Contacts;
using Driehoek.Web.Features.Coverage;
using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;

namespace Driehoek.Tests.Contacts;

/// <summary>
/// The contact log (issue 13, item 1): a mentor logs a call with one tap and sees which families are not reached yet;
/// held conversations and coverage calls count and show, read live; a subject teacher's contact informs the mentor and
/// the subject teacher reads only their own; a family's news lands in the log and with the mentor; bad input is refused.
/// </summary>
public abstract class ContactLogTests(TestApp app)
{
    private static string[] Ids(Page page, string selector) => page.FindAll(selector).Select(e => e.GetAttribute("data-student")!).Order().ToArray();

    private static string Count(Page page, string item) => page.Find($"#counts .{item} strong")!.TextContent.Trim();

    [Fact]
    public async Task A_mentor_logs_a_call_with_one_tap_and_sees_which_families_are_not_reached_yet()
    {
        var w = await ContactWorld.CreateAsync(app);
        // Bram's family had a conversation before this school year began: it does not count. A call from the coverage page reached Cem's.
        await w.HeldAsync(app, w.Bram, SchoolCalendar.ToUtc(w.School.Year.StartsOn.AddDays(-40).ToDateTime(new TimeOnly(15, 0))));
        await w.CoverageCallAsync(app, w.Cem, CallOutcome.Reached);
        using var mentor = await app.SignInAsync(w.Mentor.Email!);

        var mine = await mentor.GetAsync(w.Mine);

        Assert.Equal(HttpStatusCode.OK, mine.Status);
        Assert.Equal(new[] { w.Anna.Id, w.Bram.Id }.Select(i => i.ToString()).Order(), Ids(mine, "#not-reached li"));
        Assert.Equal("3", Count(mine, "families"));
        Assert.Equal("2", Count(mine, "not-reached"));
        Assert.Equal("0", Count(mine, "positive"));
        var link = mine.Find($"#not-reached li[data-student='{w.Anna.Id}'] a.log-call")!.GetAttribute("href")!;
        Assert.Equal($"/students/{w.Anna.Id}/contacts?channel=Call#log", link);

        var form = await mentor.GetAsync(link);
        Assert.NotNull(form.Find("a[href='tel:0612345678']"));
        // The defaults are a call, with the parents, now, positive: one tap logs it.
        var logged = await mentor.SubmitAsync(form, [], "form.quick-log");

        Assert.Equal(HttpStatusCode.OK, logged.Status);
        Assert.NotNull(logged.Find(".notice[role=status]"));
        var item = logged.Find(".contact-log li[data-kind=Contact]")!;
        Assert.Equal("Positive", item.GetAttribute("data-tone"));
        Assert.Contains("Telefoongesprek", item.TextContent);
        var entry = await app.WithDbAsync(db => db.ContactEntries.SingleAsync(e => e.StudentId == w.Anna.Id));
        Assert.Equal((ContactChannel.Call, ContactWith.Guardians, ContactTone.Positive, w.Mentor.Id), (entry.Channel, entry.With, entry.Tone!.Value, entry.StaffMemberId!.Value));
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, entry.At, TimeSpan.FromMinutes(1));

        mine = await mentor.GetAsync(w.Mine);
        Assert.Equal([w.Bram.Id.ToString()], Ids(mine, "#not-reached li"));
        Assert.Equal("1", Count(mine, "positive"));
        // The coverage call is in Cem's log, read from the coverage feature itself; Bram's conversation of last year in his.
        Assert.NotNull((await mentor.GetAsync(ContactWorld.Log(w.Cem))).Find(".contact-log li[data-kind=CoverageCall]"));
        Assert.NotNull((await mentor.GetAsync(ContactWorld.Log(w.Bram))).Find(".contact-log li[data-kind=Conversation]"));

        // A conversation held this school year reaches Bram's family too: everyone is reached.
        await w.HeldAsync(app, w.Bram, app.Clock.GetUtcNow().UtcDateTime.AddDays(-2));
        mine = await mentor.GetAsync(w.Mine + "&lang=en");
        Assert.Empty(Ids(mine, "#not-reached li"));
        Assert.Contains("All families have been reached", mine.Main);
        Assert.DoesNotContain(app.MissingResources.All, m => m.StartsWith("Contacts", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_subject_teachers_contact_informs_the_mentor_and_the_subject_teacher_reads_only_their_own()
    {
        var w = await ContactWorld.CreateAsync(app);
        using var mentor = await app.SignInAsync(w.Mentor.Email!);
        await mentor.SubmitAsync(ContactWorld.Log(w.Anna), new() { ["Summary"] = "Gaat goed in de klas" }, "form.quick-log");
        using var subject = await app.SignInAsync(w.Subject.Email!);
        var again = SchoolCalendar.Today(app.Clock).AddDays(14);

        var page = await subject.SubmitAsync(ContactWorld.Log(w.Anna), new()
        {
            ["Channel"] = "Email", ["Tone"] = "Concern", ["Area"] = "Results", ["With"] = "Both", ["Summary"] = "<b>Toets</b> gemist",
            ["TalkAgainOn"] = again.ToString("yyyy-MM-dd"),
        }, "form.quick-log");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var items = page.FindAll(".contact-log li").ToList();
        var item = Assert.Single(items);
        Assert.Equal("Concern", item.GetAttribute("data-tone"));
        Assert.Contains("<b>Toets</b> gemist", item.TextContent);
        Assert.Null(item.QuerySelector("b"));
        Assert.DoesNotContain("Gaat goed in de klas", page.Main);
        var entry = await app.WithDbAsync(db => db.ContactEntries.SingleAsync(e => e.StudentId == w.Anna.Id && e.StaffMemberId == w.Subject.Id));
        Assert.Equal((ContactChannel.Email, ContactWith.Both, ContactArea.Results, again), (entry.Channel, entry.With, entry.Area, entry.TalkAgainOn!.Value));

        var mail = await Mailbox.WaitForAsync(app, w.Mentor.Email!, m => m.Subject.Contains("Anna", StringComparison.Ordinal));
        Assert.Contains($"/students/{w.Anna.Id}/contacts", mail.Body);
        Assert.Contains(w.Subject.Name, mail.Body);
        var mine = await mentor.GetAsync(w.Mine);
        var fromColleague = mine.Find($"#by-others li[data-student='{w.Anna.Id}']")!;
        Assert.Equal("Concern", fromColleague.GetAttribute("data-tone"));
        Assert.Contains("<b>Toets</b> gemist", fromColleague.TextContent);
        Assert.Equal("1", Count(mine, "positive"));
        Assert.Equal("1", Count(mine, "concern"));
        Assert.Equal(again.ToString("yyyy-MM-dd"), mine.Find($"#talk-again li[data-student='{w.Anna.Id}'] time")!.GetAttribute("datetime"));
        // The mentor's own contact is not on the mentor's list of what others logged, and no mail told the mentor about it.
        Assert.Single(mine.FindAll("#by-others li"));
        Assert.DoesNotContain(Mailbox.All(app), m => m.To.Contains(w.Mentor.Email!, StringComparison.OrdinalIgnoreCase) && m.Body.Contains(w.Mentor.Name, StringComparison.Ordinal));
        // The mentor reads both in the log.
        Assert.Equal(2, (await mentor.GetAsync(ContactWorld.Log(w.Anna))).FindAll(".contact-log li[data-kind=Contact]").Count());
    }

    [Fact]
    public async Task Family_news_from_home_lands_in_the_log_and_with_the_mentor_in_the_parents_language()
    {
        var w = await ContactWorld.CreateAsync(app);
        using var parent = await app.SignInAsync(w.BramParent.Email!);

        var form = await parent.GetAsync(ContactWorld.Family(w.Bram) + "?lang=pl");
        Assert.Contains("Przeprowadzka", form.Main);
        var told = await parent.SubmitAsync(form, new() { ["Kind"] = "Move", ["NewsText"] = "Przeprowadzamy się do Utrechtu w grudniu." }, "#news form");

        Assert.Equal(HttpStatusCode.OK, told.Status);
        Assert.Contains("Wychowawca otrzymał wiadomość", told.Find(".notice")!.TextContent);
        Assert.Contains("Przeprowadzamy się do Utrechtu", told.Find("#news")!.TextContent);
        var mail = await Mailbox.WaitForAsync(app, w.Mentor.Email!, m => m.Subject.Contains("Bram", StringComparison.Ordinal));
        Assert.Contains("Verhuizing", mail.Body);
        using var mentor = await app.SignInAsync(w.Mentor.Email!);
        var log = await mentor.GetAsync(ContactWorld.Log(w.Bram));
        Assert.Contains("Przeprowadzamy się do Utrechtu", log.Find(".contact-log li[data-kind=FamilyNews]")!.TextContent);
        var mine = await mentor.GetAsync(w.Mine);
        Assert.NotNull(mine.Find($"#by-others li[data-student='{w.Bram.Id}']"));
        // News from home is not the school reaching the family.
        Assert.Contains(w.Bram.Id.ToString(), Ids(mine, "#not-reached li"));
        // A subject teacher does not read the family's news: it is not theirs.
        using var subject = await app.SignInAsync(w.Subject.Email!);
        Assert.Null((await subject.GetAsync(ContactWorld.Log(w.Bram))).Find(".contact-log li"));
    }

    [Fact]
    public async Task A_contact_with_a_bad_choice_or_a_megabyte_of_text_is_refused_with_a_clear_message_and_nothing_is_logged()
    {
        var w = await ContactWorld.CreateAsync(app);
        using var mentor = await app.SignInAsync(w.Mentor.Email!);
        var url = ContactWorld.Log(w.Anna);
        var token = await mentor.TokenAsync(url);
        List<KeyValuePair<string, string>> Form(params (string Key, string Value)[] fields) =>
            [.. fields.Select(f => KeyValuePair.Create(f.Key, f.Value)), new("__RequestVerificationToken", token)];
        var now = SchoolCalendar.ToLocal(app.Clock.GetUtcNow().UtcDateTime);

        var megabyte = await mentor.PostAsync(url, Form(("Summary", new string('x', 1024 * 1024))));
        var news = await mentor.PostAsync(url, Form(("Channel", "FamilyNews")));
        var maybe = await mentor.PostAsync(url, Form(("Tone", "Maybe")));
        var number = await mentor.PostAsync(url, Form(("Area", "9")));
        var future = await mentor.PostAsync(url, Form(("At", now.AddDays(2).ToString("yyyy-MM-ddTHH:mm"))));
        var past = await mentor.PostAsync(url, Form(("TalkAgainOn", "2001-01-01")));

        Assert.All(new[] { megabyte, news, maybe, number, future, past }, p => Assert.Equal(HttpStatusCode.BadRequest, p.Status));
        Assert.Contains(megabyte.Errors, e => e.Contains("te lang", StringComparison.Ordinal));
        Assert.Contains(future.Errors, e => e.Contains("niet in de toekomst", StringComparison.Ordinal));
        Assert.All(new[] { news, maybe, number, past }, p => Assert.NotEmpty(p.Errors));
        Assert.False(await app.WithDbAsync(db => db.ContactEntries.AnyAsync(e => e.StudentId == w.Anna.Id)));
        // The same form with an hour ago is fine.
        var earlier = await mentor.PostAsync(url, Form(("At", now.AddHours(-1).ToString("yyyy-MM-ddTHH:mm"))));
        Assert.Equal(HttpStatusCode.OK, earlier.Status);
        var at = await app.WithDbAsync(db => db.ContactEntries.Where(e => e.StudentId == w.Anna.Id).Select(e => e.At).SingleAsync());
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime.AddHours(-1), at, TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task The_coverage_counts_contact_per_group_families_not_contacted_by_tone_and_tasks_done_on_time_for_leaders_only()
    {
        var w = await ContactWorld.CreateAsync(app);
        using (var mentor = await app.SignInAsync(w.Mentor.Email!))
        {
            await mentor.SubmitAsync(ContactWorld.Log(w.Anna), new() { ["Summary"] = "Gaat goed in de klas" }, "form.quick-log");
            await mentor.SubmitAsync(ContactWorld.Log(w.Bram), new() { ["Tone"] = "Concern", ["Summary"] = "Mist veel huiswerk" }, "form.quick-log");
        }
        using (var parent = await app.SignInAsync(w.AnnaParent.Email!))
        {
            await parent.SubmitAsync(ContactWorld.Family(w.Anna), new() { ["Topic"] = "WorriedAboutGrades" }, "form.raise");
        }
        using (var mentor = await app.SignInAsync(w.Mentor.Email!))
        {
            var concern = await app.WithDbAsync(db => db.Concerns.Where(c => c.StudentId == w.Anna.Id).Select(c => c.Id).SingleAsync());
            await mentor.SubmitAsync(await mentor.GetAsync(ContactWorld.Concerns(w.Anna)), new() { ["Reply"] = "We bellen u morgen." }, $"#concern-{concern} form");
        }
        var url = $"/school/{w.School.Id}/coverage/contacts";

        using var leader = await app.SignInAsync(w.Leader.Email!);
        var page = await leader.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var row = page.FindAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Trim() == "2B");
        Assert.Equal(["3", "1", "1", "1", "1 van 1"], row.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray());
        Assert.NotNull((await leader.GetAsync($"/school/{w.School.Id}/coverage")).Find($"a[href='{url}']"));
        using (var mentor = await app.SignInAsync(w.Mentor.Email!))
        {
            Assert.Equal(HttpStatusCode.NotFound, await mentor.StatusAsync(url));
        }
        var elsewhere = await ContactWorld.CreateAsync(app);
        using var otherLeader = await app.SignInAsync(elsewhere.Leader.Email!);
        Assert.Equal(HttpStatusCode.NotFound, await otherLeader.StatusAsync(url));
        using var parentOf = await app.SignInAsync(w.AnnaParent.Email!);
        Assert.Equal(HttpStatusCode.NotFound, await parentOf.StatusAsync(url));
    }

    [Fact]
    public async Task Another_group_school_or_family_cannot_read_or_write_a_students_contact_log()
    {
        var w = await ContactWorld.CreateAsync(app);
        var otherGroup = await w.School.GroupAsync("3C");
        var otherMentor = await w.School.StaffAsync(StaffRole.Mentor, otherGroup);
        var otherSchool = await app.World.SchoolAsync(SchoolKind.Secondary);
        var elsewhere = await otherSchool.StaffAsync(StaffRole.Mentor, await otherSchool.GroupAsync());
        var elsewhereLeader = await otherSchool.StaffAsync(StaffRole.SchoolLeader);
        using (var mentor = await app.SignInAsync(w.Mentor.Email!))
        {
            await mentor.SubmitAsync(ContactWorld.Log(w.Anna), new() { ["Summary"] = "Alleen voor school" }, "form.quick-log");
        }

        foreach (var (who, email) in new[] { ("other group", otherMentor.Email!), ("other school", elsewhere.Email!), ("other school's leader", elsewhereLeader.Email!),
                     ("another family", w.BramParent.Email!), ("the family itself", w.AnnaParent.Email!), ("the student", w.Anna.Email!) })
        {
            using var client = await app.SignInAsync(email);
            Assert.True(HttpStatusCode.NotFound == await client.StatusAsync(ContactWorld.Log(w.Anna)), $"{who} read the log");
            var token = await client.TokenAsync("/language");
            var posted = await client.PostAsync(ContactWorld.Log(w.Anna), [new("Summary", "ingebroken"), new("__RequestVerificationToken", token)]);
            Assert.True(HttpStatusCode.NotFound == posted.Status, $"{who} wrote in the log: {posted.Status}");
            if (who != "other group")
            {
                Assert.True(HttpStatusCode.NotFound == await client.StatusAsync(w.Mine), $"{who} opened the school's contacts page");
            }
        }
        Assert.Equal(1, await app.WithDbAsync(db => db.ContactEntries.CountAsync(e => e.StudentId == w.Anna.Id)));
        // The other group's mentor has their own page, where this group's families are not.
        using var other = await app.SignInAsync(otherMentor.Email!);
        var theirs = await other.GetAsync(w.Mine);
        Assert.Equal(HttpStatusCode.OK, theirs.Status);
        Assert.Empty(Ids(theirs, "#not-reached li"));
        Assert.Empty(theirs.FindAll("#by-others li"));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ContactLogTests_Sqlite(SqliteApp app) : ContactLogTests(app);

[Collection(PostgresCollection.Name), Trait("Provider", "Postgres")]
public sealed class ContactLogTests_Postgres(PostgresApp app) : ContactLogTests(app);

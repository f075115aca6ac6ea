using System.Net;
using System.Net.Http.Json;
using AngleSharp.Html.Dom;
using Driehoek.Tests.Records;
using Driehoek.Web.Features.Bookings;
using Driehoek.Web.Features.Feedback;
using Driehoek.Web.Features.FollowThrough;
using Driehoek.Web.Features.People;
using Driehoek.Web.Features.Records;
using Driehoek.Web.Features.Rounds;

namespace Driehoek.Tests.Feedback;

public abstract class FeedbackTests(TestApp app)
{
    private static string Url(Guid booking) => $"/bookings/{booking}/feedback";

    /// <summary>Fills the feedback form as a phone would send it: the rating, ticked points and the two short texts.</summary>
    private static async Task<Page> SendAsync(AppClient client, Guid booking, string? rating, string[]? tops = null, string[]? tips = null,
        string? topText = null, string? tipText = null)
    {
        var page = await client.GetAsync(Url(booking));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var form = page.Find("main form[method=post]") as IHtmlFormElement ?? throw new InvalidOperationException("No feedback form.");
        var values = AppClient.FormValues(form);
        values.RemoveAll(v => v.Key is "Rating" or "Tops" or "Tips" or "TopText" or "TipText");
        if (rating is not null)
        {
            values.Add(new("Rating", rating));
        }
        values.AddRange((tops ?? []).Select(t => KeyValuePair.Create("Tops", t)));
        values.AddRange((tips ?? []).Select(t => KeyValuePair.Create("Tips", t)));
        values.Add(new("TopText", topText ?? ""));
        values.Add(new("TipText", tipText ?? ""));
        return await client.PostAsync(Url(booking), values);
    }

    private Task HeldAsync(Guid booking, bool studentPresent = true) => app.WithDbAsync(async db =>
    {
        var b = await db.Bookings.SingleAsync(x => x.Id == booking);
        b.Status = BookingStatus.Held;
        b.StudentPresent = studentPresent;
        await db.SaveChangesAsync();
    });

    [Fact]
    public async Task Parent_student_and_teacher_each_give_tops_and_tips_the_teacher_reads_them_on_the_record_and_the_leader_only_counts()
    {
        var f = await app.FamilyAsync();
        var booking = await app.ConversationAsync(f.School, f.Group, f.Teacher, f.Child, f.Parent);
        using (var marking = await app.SignInAsync(f.Teacher.Email!))
        {
            // Until the teacher marks it held, nobody is asked for feedback.
            Assert.Null((await marking.GetAsync("/teacher")).Find($"a[href='{Url(booking)}']"));
            var held = await marking.Http.PostAsJsonAsync($"/api/v1/bookings/{booking}/outcome", new OutcomeRequest(BookingStatus.Held, true, null));
            Assert.Equal(HttpStatusCode.OK, held.StatusCode);
            Assert.NotNull((await marking.GetAsync("/teacher")).Find($"a[href='{Url(booking)}']"));
        }

        using (var parent = await app.SignInAsync(f.Parent.Email!))
        {
            var home = await parent.GetAsync("/parent");
            Assert.NotNull(home.Find($"a[href='{Url(booking)}']"));
            Assert.NotNull((await parent.GetAsync($"/bookings/{booking}")).Find($"a[href='{Url(booking)}']"));
            var saved = await SendAsync(parent, booking, "3", ["EnoughTime", "FeltHeard"], ["StudentVoice"], tipText: "<b>Noor</b> mag meer vertellen");
            Assert.Empty(saved.Errors);
            Assert.NotNull(saved.Find(".notice[role=status]"));
            Assert.True(saved.Find("#Tops-FeltHeard") is IHtmlInputElement { IsChecked: true });
            Assert.Null((await parent.GetAsync("/parent")).Find($"a[href='{Url(booking)}']"));
        }
        using (var student = await app.SignInAsync(f.Child.Email!))
        {
            Assert.NotNull((await student.GetAsync("/student")).Find($"a[href='{Url(booking)}']"));
            Assert.Empty((await SendAsync(student, booking, "2", ["StudentVoice"], topText: "Ik mocht beginnen.")).Errors);
        }
        using (var teacher = await app.SignInAsync(f.Teacher.Email!))
        {
            Assert.Empty((await SendAsync(teacher, booking, "3", ["ClearAgreements"])).Errors);
            var record = await teacher.GetAsync($"/bookings/{booking}/record");
            Assert.Equal(3, record.FindAll(".feedback-entry").Count());
            Assert.Contains("<b>Noor</b> mag meer vertellen", record.Text);
            Assert.DoesNotContain("<b>Noor</b>", record.Html);
            Assert.Contains("Ik mocht beginnen.", record.Text);
        }
        var rows = await app.WithDbAsync(db => db.ConversationFeedback.Where(x => x.BookingId == booking).ToListAsync());
        Assert.Equal([FeedbackGiver.Parent, FeedbackGiver.Student, FeedbackGiver.Teacher], rows.Select(r => r.Giver).Order());
        Assert.All(rows, r => Assert.Equal(AgendaForm.ThreeWay, r.Form));
        Assert.Equal(FeedbackPoints.EnoughTime | FeedbackPoints.FeltHeard, rows.Single(r => r.Giver == FeedbackGiver.Parent).Tops);

        using var leader = await app.SignInAsync(f.Leader.Email!);
        var totals = await leader.GetAsync($"/school/{f.School.Id}/feedback");
        Assert.Equal(HttpStatusCode.OK, totals.Status);
        var row = totals.Find("#totals-forms tbody tr")!;
        Assert.Contains("ouders 1 · leerlingen 1 · leraren 1", row.TextContent);
        Assert.Contains("2.7", row.TextContent.Replace(',', '.'));
        // De inbreng van de leerling: a top once (the student), a tip once (the parent).
        Assert.Contains("top 1 · tip 1", row.QuerySelectorAll("td")[5].TextContent);
        Assert.Single(totals.FindAll("#totals-rounds tbody tr"));
        Assert.DoesNotContain("mag meer vertellen", totals.Text);
        Assert.DoesNotContain("Ik mocht beginnen", totals.Text);
        Assert.NotNull((await leader.GetAsync($"/school/{f.School.Id}")).Find($"a[href='/school/{f.School.Id}/feedback']"));
        // The leader reads the record, and so the feedback on it, but gives none: they were not at the table.
        Assert.Equal(3, (await leader.GetAsync($"/bookings/{booking}/record")).FindAll(".feedback-entry").Count());
        Assert.Equal(HttpStatusCode.NotFound, await leader.StatusAsync(Url(booking)));
    }

    [Fact]
    public async Task Nobody_gives_feedback_before_the_conversation_was_held_the_student_only_when_there_and_not_after_two_weeks()
    {
        var f = await app.FamilyAsync();
        var coming = await app.ConversationAsync(f.School, f.Group, f.Teacher, f.Child, f.Parent, startedMinutesAgo: -60 * 24);
        var started = await app.ConversationAsync(f.School, f.Group, f.Teacher, f.Child, f.Parent);
        using var parent = await app.SignInAsync(f.Parent.Email!);
        foreach (var booking in new[] { coming, started })
        {
            var page = await parent.GetAsync(Url(booking));
            Assert.Contains("zodra het gesprek is geweest", page.Text);
            Assert.Null(page.Find("main form[method=post]"));
            var post = await parent.PostAsync(Url(booking), [new("__RequestVerificationToken", await parent.TokenAsync("/language")), new("Rating", "3")]);
            Assert.Equal(HttpStatusCode.OK, post.Status);
            Assert.Contains(post.Errors, e => e.Contains("zodra het gesprek is geweest", StringComparison.Ordinal));
        }

        await HeldAsync(started, studentPresent: false);
        using var student = await app.SignInAsync(f.Child.Email!);
        Assert.Contains("niet bij dit gesprek", (await student.GetAsync(Url(started))).Text);
        var refused = await student.PostAsync(Url(started), [new("__RequestVerificationToken", await student.TokenAsync("/language")), new("Rating", "3")]);
        Assert.Contains(refused.Errors, e => e.Contains("niet bij dit gesprek", StringComparison.Ordinal));
        Assert.Null((await student.GetAsync("/student")).Find($"a[href='{Url(started)}']"));

        var old = await app.ConversationAsync(f.School, f.Group, f.Teacher, f.Child, f.Parent, startedMinutesAgo: 60 * 24 * 15);
        await HeldAsync(old);
        Assert.Contains("Die tijd is voorbij", (await parent.GetAsync(Url(old))).Text);
        Assert.Null((await parent.GetAsync("/parent")).Find($"a[href='{Url(old)}']"));
        Assert.Equal(0, await app.WithDbAsync(db => db.ConversationFeedback.CountAsync(x => x.BookingId == coming || x.BookingId == started || x.BookingId == old)));
    }

    [Fact]
    public async Task Another_family_the_other_household_another_groups_teacher_and_another_schools_leader_get_not_found()
    {
        var f = await app.FamilyAsync();
        var booking = await app.ConversationAsync(f.School, f.Group, f.Teacher, f.Child, f.Parent);
        await HeldAsync(booking);
        var otherHousehold = await f.School.GuardianAsync([f.Child]);
        var sibling = await f.School.StudentAsync(f.Group, login: true);
        var otherGroup = await f.School.GroupAsync("Groep 7", level: 7);
        var otherTeacher = await f.School.StaffAsync(StaffRole.GroupTeacher, otherGroup);
        var otherChild = await f.School.StudentAsync(otherGroup);
        var otherParent = await f.School.GuardianAsync([otherChild]);
        var elsewhere = await app.World.SchoolAsync();
        var otherLeader = await elsewhere.StaffAsync(StaffRole.SchoolLeader);

        foreach (var who in new[] { otherHousehold, sibling, otherTeacher, otherParent, otherLeader, f.Leader })
        {
            using var client = await app.SignInAsync(who.Email!);
            Assert.True(HttpStatusCode.NotFound == await client.StatusAsync(Url(booking)), $"{who.Name}: feedback page");
            var post = await client.PostAsync(Url(booking),
                [new("__RequestVerificationToken", await client.TokenAsync("/language")), new("Rating", "1"), new("TopText", "x")], follow: false);
            Assert.True(HttpStatusCode.NotFound == post.Status, $"{who.Name}: feedback post");
            Assert.Null((await client.GetAsync("/")).Find($"a[href='{Url(booking)}']"));
        }
        foreach (var who in new[] { otherTeacher, otherParent, f.Parent, f.Teacher, otherLeader })
        {
            using var client = await app.SignInAsync(who.Email!);
            Assert.True(HttpStatusCode.NotFound == await client.StatusAsync($"/school/{f.School.Id}/feedback"), $"{who.Name}: totals");
        }
        Assert.Equal(0, await app.WithDbAsync(db => db.ConversationFeedback.CountAsync(x => x.BookingId == booking)));
    }

    [Fact]
    public async Task A_megabyte_of_text_unknown_points_and_a_point_both_top_and_tip_are_refused_clearly_and_a_stale_form_is_changed_meanwhile()
    {
        var f = await app.FamilyAsync();
        var booking = await app.ConversationAsync(f.School, f.Group, f.Teacher, f.Child, f.Parent);
        await HeldAsync(booking);
        using var parent = await app.SignInAsync(f.Parent.Email!);

        var huge = await SendAsync(parent, booking, "2", topText: new string('x', 1024 * 1024));
        Assert.Equal(HttpStatusCode.OK, huge.Status);
        Assert.Contains(huge.Errors, e => e.Contains("hoogstens 280 tekens", StringComparison.Ordinal));
        Assert.Contains(ConversationFeedback.TextLength.ToString(), huge.Find("#TopText")!.GetAttribute("maxlength"));
        Assert.Contains((await SendAsync(parent, booking, null)).Errors, e => e.Contains("Kies hoe het gesprek ging", StringComparison.Ordinal));
        Assert.Contains((await SendAsync(parent, booking, "7")).Errors, e => e.Contains("Kies hoe het gesprek ging", StringComparison.Ordinal));
        Assert.NotEmpty((await SendAsync(parent, booking, "2", ["<script>"])).Errors);
        Assert.Contains((await SendAsync(parent, booking, "2", ["EnoughTime"], ["EnoughTime"])).Errors,
            e => e.Contains("niet allebei", StringComparison.Ordinal));
        Assert.Equal(0, await app.WithDbAsync(db => db.ConversationFeedback.CountAsync(x => x.BookingId == booking)));

        // Given once, changed once; a form from before the change is refused, not silently applied.
        Assert.Empty((await SendAsync(parent, booking, "1", tips: ["EnoughTime"])).Errors);
        var stale = await parent.GetAsync(Url(booking));
        var changed = await SendAsync(parent, booking, "2", tips: ["EnoughTime", "WellPrepared"]);
        Assert.Empty(changed.Errors);
        Assert.Equal("Wijzigingen versturen", changed.Find("main form button[type=submit]")!.TextContent.Trim());
        var late = await parent.SubmitAsync(stale, new() { ["Rating"] = "3" });
        Assert.Contains(late.Errors, e => e.Contains("intussen", StringComparison.Ordinal));
        var row = await app.WithDbAsync(db => db.ConversationFeedback.SingleAsync(x => x.BookingId == booking));
        Assert.Equal((2, FeedbackPoints.EnoughTime | FeedbackPoints.WellPrepared), (row.Rating, row.Tips));
    }

    [Fact]
    public async Task The_Arabic_parent_gives_feedback_right_to_left_and_the_page_works_in_every_family_language()
    {
        var f = await app.FamilyAsync(language: "ar");
        var booking = await app.ConversationAsync(f.School, f.Group, f.Teacher, f.Child, f.Parent);
        await HeldAsync(booking);
        using var parent = await app.SignInAsync(f.Parent.Email!);
        var page = await parent.GetAsync(Url(booking) + "?lang=ar");
        Assert.Equal("rtl", page.Find("html")!.GetAttribute("dir"));
        Assert.Contains("الإيجابيات والنصائح", page.Text);
        foreach (var (lang, title) in new[] { ("tr", "Artılar ve öneriler"), ("pl", "Plusy i wskazówki"), ("uk", "Плюси й поради"), ("en", "Tops and tips") })
        {
            Assert.Contains(title, (await parent.GetAsync(Url(booking) + "?lang=" + lang)).Text);
        }
        var refused = await SendAsync(parent, booking, null);
        Assert.Contains(refused.Errors, e => e.Contains("اختر كيف سارت المحادثة", StringComparison.Ordinal));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class FeedbackTests_Sqlite(SqliteApp app) : FeedbackTests(app);

[Collection(PostgresCollection.Name), Trait("Provider", "Postgres")]
public sealed class FeedbackTests_Postgres(PostgresApp app) : FeedbackTests(app);

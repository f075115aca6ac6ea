using System.Net;
using Driehoek.Tests.Records;
using Driehoek.Web.Features.Organisation;
using Driehoek.Web.Features.People;
using Driehoek.Web.Features.Rounds;
using Driehoek.Web.Features.TakingPart;

namespace Driehoek.Tests.TakingPart;

/// <summary>
/// The student's place at a three-way conversation: parents give permission (a no from either wins), the teacher can
/// decide the conversation goes ahead without the child (the reason stays with staff), and every page says so.
/// </summary>
public abstract class TakingPartTests(TestApp app)
{
    private const string ParentReason = "Hij is erg zenuwachtig voor gesprekken";

    private static string FamilyUrl(Guid round, Guid student) => $"/rounds/{round}/take-part?student={student}";
    private static string DecisionUrl(Guid round, Guid student) => $"/rounds/{round}/take-part/{student}";

    private sealed record Conversation(RecordFamily Family, Guid Round, Guid Booking, DateOnly Day);

    /// <summary>A three-way conversation eight days ahead, booked by the family's household.</summary>
    private async Task<Conversation> ConversationAsync(ConversationForm form = ConversationForm.ThreeWay)
    {
        var f = await app.FamilyAsync();
        var booking = await app.ConversationAsync(f.School, f.Group, f.Teacher, f.Child, f.Parent, form, startedMinutesAgo: -60 * 24 * 8);
        var b = await app.WithDbAsync(db => db.Bookings.SingleAsync(x => x.Id == booking));
        return new Conversation(f, b.RoundId, booking, DateOnly.FromDateTime(SchoolCalendar.ToLocal(b.StartsAt)));
    }

    private static async Task<Page> AnswerAsync(AppClient parent, Conversation c, bool takesPart, string reason = "") =>
        await parent.SubmitAsync(FamilyUrl(c.Round, c.Family.Child.Id), new() { ["takesPart"] = takesPart ? "true" : "false", ["reason"] = reason },
            "#taking-part-form");

    private static string? State(Page page) => page.Find(".taking-part")?.GetAttribute("data-takes-part");

    [Fact]
    public async Task Parents_are_asked_on_the_preparation_and_a_no_from_either_parent_keeps_the_student_away()
    {
        var c = await ConversationAsync();
        var f = c.Family;
        var otherHousehold = await f.School.GuardianAsync([f.Child]);
        using var parent = await app.SignInAsync(f.Parent.Email!);
        using var other = await app.SignInAsync(otherHousehold.Email!);
        using var student = await app.SignInAsync(f.Child.Email!);

        // The preparation asks; without an answer the student is expected and prepares.
        var prepare = await parent.GetAsync(InvitationWording.PreparePath(c.Round, f.Child.Id));
        Assert.Equal("yes", State(prepare));
        Assert.NotNull(prepare.Find($"a[href='{FamilyUrl(c.Round, f.Child.Id)}']"));
        var home = await student.GetAsync("/student");
        Assert.Equal("yes", State(home));
        Assert.NotNull(home.Find($"a[href='/bookings/{c.Booking}/guide']"));

        var yes = await AnswerAsync(parent, c, true);
        Assert.Empty(yes.Errors);
        Assert.Equal(TakingPartSource.ParentsSaid.ToString(), yes.Find(".taking-part")?.GetAttribute("data-source"));
        Assert.Equal("yes", State(yes));

        // The other parent says no: a no from either parent wins; each keeps their own answer.
        var no = await AnswerAsync(other, c, false, ParentReason);
        Assert.Empty(no.Errors);
        Assert.Equal("no", State(no));
        Assert.NotNull((await parent.GetAsync(FamilyUrl(c.Round, f.Child.Id))).Find("#takes-part-yes[checked]"));
        Assert.Equal(2, await app.WithDbAsync(db => db.TakingPartAnswers.CountAsync(a => a.StudentId == f.Child.Id)));
        // Answering again replaces one's own answer.
        await AnswerAsync(parent, c, true);
        Assert.Equal(2, await app.WithDbAsync(db => db.TakingPartAnswers.CountAsync(a => a.StudentId == f.Child.Id)));

        // The student is not expected: no preparation, no guide, and "coming up" says so.
        home = await student.GetAsync("/student");
        Assert.Equal("no", State(home));
        Assert.Null(home.Find($"a[href='/bookings/{c.Booking}/guide']"));
        Assert.Null(home.Find($"a[href='{InvitationWording.PreparePath(c.Round, f.Child.Id)}']"));
        Assert.Contains("zonder jou", home.Text);
        var guide = await student.GetAsync($"/bookings/{c.Booking}/guide");
        Assert.Empty(guide.FindAll("li.guide-step"));
        Assert.Equal("no", State(guide));
        var studentPrepare = await student.GetAsync(InvitationWording.PreparePath(c.Round, f.Child.Id));
        Assert.Null(studentPrepare.Find("textarea[name=Answers]"));
        var refused = await student.PostAsync(InvitationWording.PreparePath(c.Round, f.Child.Id),
            [new("__RequestVerificationToken", await student.TokenAsync("/language")), new("Answers", "Ik wil iets zeggen")]);
        Assert.NotEmpty(refused.Errors);
        Assert.Equal(0, await app.WithDbAsync(db => db.Preparations.CountAsync(p => p.StudentId == f.Child.Id && p.Party == PreparationParty.Student)));
        var invitation = await student.GetAsync(InvitationWording.InvitationPath(c.Round, f.Child.Id));
        Assert.Equal("no", State(invitation));
        // The parents still read the guide of their booking.
        Assert.Equal(6, (await parent.GetAsync($"/bookings/{c.Booking}/guide")).FindAll("li.guide-step").Count());

        // Staff: the day list, the record and the booking say "no (parents said)"; the teacher reads both answers.
        using var teacher = await app.SignInAsync(f.Teacher.Email!);
        foreach (var url in new[] { $"/rounds/{c.Round}/day?date={c.Day:yyyy-MM-dd}", $"/bookings/{c.Booking}/record", $"/bookings/{c.Booking}" })
        {
            var page = await teacher.GetAsync(url);
            Assert.True("no" == State(page), url);
            Assert.Contains("ouders gaven dit aan", page.Find(".taking-part")!.TextContent);
        }
        var decision = await teacher.GetAsync(DecisionUrl(c.Round, f.Child.Id));
        Assert.Contains(ParentReason, decision.Text);
        Assert.Equal(2, decision.FindAll(".parent-answers li").Count());
        // The parent's booking page shows it too.
        Assert.Equal("no", State(await parent.GetAsync($"/bookings/{c.Booking}")));
    }

    [Fact]
    public async Task The_teacher_decides_without_the_child_and_the_family_reads_only_that_the_school_decided()
    {
        var c = await ConversationAsync();
        var f = c.Family;
        using var parent = await app.SignInAsync(f.Parent.Email!);
        await AnswerAsync(parent, c, true);
        using var teacher = await app.SignInAsync(f.Teacher.Email!);

        var missing = await teacher.SubmitAsync(DecisionUrl(c.Round, f.Child.Id), new() { ["reason"] = "" }, "form[action*='Decide']");
        Assert.NotEmpty(missing.Errors);
        var decided = await teacher.SubmitAsync(DecisionUrl(c.Round, f.Child.Id), new() { ["reason"] = nameof(WithoutChildReason.Medication) },
            "form[action*='Decide']");
        Assert.Empty(decided.Errors);
        Assert.Equal(nameof(WithoutChildReason.Medication), decided.Find(".decision")?.GetAttribute("data-reason"));
        Assert.Equal("no", State(decided));

        var record = await teacher.GetAsync($"/bookings/{c.Booking}/record");
        Assert.Contains("school besloot", record.Find(".taking-part")!.TextContent);
        foreach (var url in new[] { $"/bookings/{c.Booking}", FamilyUrl(c.Round, f.Child.Id), InvitationWording.PreparePath(c.Round, f.Child.Id) })
        {
            var page = await parent.GetAsync(url);
            Assert.True(TakingPartSource.SchoolDecided.ToString() == page.Find(".taking-part")?.GetAttribute("data-source"), url);
            Assert.Contains("De school heeft besloten", page.Text);
            Assert.DoesNotContain("medicatie", page.Html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(nameof(WithoutChildReason.Medication), page.Html);
        }
        using var student = await app.SignInAsync(f.Child.Email!);
        var home = await student.GetAsync("/student");
        Assert.Equal("no", State(home));
        Assert.DoesNotContain("medicatie", home.Html, StringComparison.OrdinalIgnoreCase);

        // Taken back: the parents' yes holds again.
        var back = await teacher.SubmitAsync(DecisionUrl(c.Round, f.Child.Id), [], "form[action*='TakeBack']");
        Assert.Empty(back.Errors);
        Assert.Equal("yes", State(back));
        Assert.Equal(0, await app.WithDbAsync(db => db.WithoutChildDecisions.CountAsync(d => d.StudentId == f.Child.Id)));
    }

    [Fact]
    public async Task Another_family_a_parent_without_authority_the_student_another_group_and_another_school_try_and_fail()
    {
        var c = await ConversationAsync();
        var f = c.Family;
        var withoutAuthority = await f.School.GuardianAsync([f.Child], authority: false);
        var otherGroup = await f.School.GroupAsync("Groep 7", level: 7);
        var otherTeacher = await f.School.StaffAsync(StaffRole.GroupTeacher, otherGroup);
        var otherChild = await f.School.StudentAsync(otherGroup);
        var otherParent = await f.School.GuardianAsync([otherChild]);
        var subject = await f.School.StaffAsync(StaffRole.SubjectTeacher, f.Group, subject: "Engels");
        var elsewhere = await app.World.SchoolAsync();
        var otherLeader = await elsewhere.StaffAsync(StaffRole.SchoolLeader);

        foreach (var who in new[] { otherParent, withoutAuthority, f.Child, f.Teacher })
        {
            using var client = await app.SignInAsync(who.Email!);
            Assert.True(HttpStatusCode.NotFound == await client.StatusAsync(FamilyUrl(c.Round, f.Child.Id)), $"{who.Name}: question");
            var post = await client.PostAsync(FamilyUrl(c.Round, f.Child.Id),
                [new("__RequestVerificationToken", await client.TokenAsync("/language")), new("takesPart", "false")], follow: false);
            Assert.True(HttpStatusCode.NotFound == post.Status, $"{who.Name}: answer");
        }
        foreach (var who in new[] { otherTeacher, subject, otherLeader, f.Parent, f.Child })
        {
            using var client = await app.SignInAsync(who.Email!);
            Assert.True(HttpStatusCode.NotFound == await client.StatusAsync(DecisionUrl(c.Round, f.Child.Id)), $"{who.Name}: decision");
            var post = await client.PostAsync($"{DecisionUrl(c.Round, f.Child.Id)}?handler=Decide",
                [new("__RequestVerificationToken", await client.TokenAsync("/language")), new("reason", "Medication")], follow: false);
            Assert.True(HttpStatusCode.NotFound == post.Status, $"{who.Name}: decide");
        }
        Assert.Equal(0, await app.WithDbAsync(db => db.TakingPartAnswers.CountAsync(a => a.StudentId == f.Child.Id)));
        Assert.Equal(0, await app.WithDbAsync(db => db.WithoutChildDecisions.CountAsync(d => d.StudentId == f.Child.Id)));

        // A leader of the school may decide; so may the mentor or group teacher (above).
        using var leader = await app.SignInAsync(f.Leader.Email!);
        Assert.Equal(HttpStatusCode.OK, await leader.StatusAsync(DecisionUrl(c.Round, f.Child.Id)));
    }

    [Fact]
    public async Task Only_a_three_way_conversation_asks_and_a_reason_that_is_too_long_is_refused()
    {
        var c = await ConversationAsync(ConversationForm.TenMinute);
        var f = c.Family;
        using var parent = await app.SignInAsync(f.Parent.Email!);
        var page = await parent.GetAsync(FamilyUrl(c.Round, f.Child.Id));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Null(page.Find("#taking-part-form"));
        Assert.Null((await parent.GetAsync($"/bookings/{c.Booking}")).Find(".taking-part"));
        var refused = await parent.PostAsync(FamilyUrl(c.Round, f.Child.Id),
            [new("__RequestVerificationToken", await parent.TokenAsync("/language")), new("takesPart", "false")]);
        Assert.NotEmpty(refused.Errors);

        var three = await ConversationAsync();
        using var threeParent = await app.SignInAsync(three.Family.Parent.Email!);
        var tooLong = await AnswerAsync(threeParent, three, false, "<b>x</b>" + new string('x', TakingPartAnswer.MaxReasonLength));
        Assert.NotEmpty(tooLong.Errors);
        Assert.Contains("<b>x</b>", tooLong.Find("#Reason")!.TextContent);
        var noChoice = await threeParent.PostAsync(FamilyUrl(three.Round, three.Family.Child.Id),
            [new("__RequestVerificationToken", await threeParent.TokenAsync("/language")), new("takesPart", "maybe")]);
        Assert.NotEmpty(noChoice.Errors);
        Assert.Equal(0, await app.WithDbAsync(db => db.TakingPartAnswers.CountAsync(a => a.StudentId == three.Family.Child.Id || a.StudentId == f.Child.Id)));
    }

    [Fact]
    public async Task The_question_reads_in_arabic_right_to_left_and_the_teacher_page_in_english()
    {
        var c = await ConversationAsync();
        using var parent = await app.SignInAsync(c.Family.Parent.Email!);
        var arabic = await parent.GetAsync($"{FamilyUrl(c.Round, c.Family.Child.Id)}&lang=ar");
        Assert.Equal("rtl", arabic.Find("html")!.GetAttribute("dir"));
        Assert.Contains("نعم، يشارك طفلي", arabic.Text);
        foreach (var (lang, phrase) in new[] { ("tr", "Evet, çocuğum katılıyor"), ("pl", "Tak, moje dziecko"), ("uk", "Так, моя дитина"), ("en", "Yes, my child takes part") })
        {
            Assert.Contains(phrase, (await parent.GetAsync($"{FamilyUrl(c.Round, c.Family.Child.Id)}&lang={lang}")).Text);
        }
        using var teacher = await app.SignInAsync(c.Family.Teacher.Email!);
        var english = await teacher.GetAsync($"{DecisionUrl(c.Round, c.Family.Child.Id)}?lang=en");
        Assert.Contains("Student takes part:", english.Text);
        Assert.Contains("serious delays", english.Text);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class TakingPartTests_Sqlite(SqliteApp app) : TakingPartTests(app);

[Collection(PostgresCollection.Name), Trait("Provider", "Postgres")]
public sealed class TakingPartTests_Postgres(PostgresApp app) : TakingPartTests(app);
